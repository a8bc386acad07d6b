namespace FakeUpwork.Data;

/// <summary>A category of the Upwork ontology, as the fake renders it.</summary>
internal sealed record CategoryInfo(string Slug, string Id, string Label);

/// <summary>A subcategory (level 2).</summary>
internal sealed record SubcategoryInfo(string Slug, string Id, string Label, CategoryInfo Category);

/// <summary>A family of similar jobs the generator draws from.</summary>
internal sealed record JobTemplate(
    SubcategoryInfo Sub,
    string OccupationId,
    string OccupationLabel,
    string[] Titles,
    string[] Intros,
    string[] Tasks,
    string[] Requirements,
    string[] Skills,
    string Type,
    decimal MinBudget,
    decimal MaxBudget,
    decimal MinRate,
    decimal MaxRate);

/// <summary>A client location.</summary>
internal sealed record ClientPlace(string Country, string? City, string? State, string Timezone, string Offset);

/// <summary>The fake's catalogue: categories, job templates and client places. Ids are shaped like the real ones.</summary>
internal static class JobCatalog
{
    public static readonly CategoryInfo WebDev = new("web_mobile_software_dev", "531770282580668418", "Web, Mobile & Software Dev");
    public static readonly CategoryInfo Design = new("design_creative", "531770282580668421", "Design & Creative");
    public static readonly CategoryInfo Writing = new("writing", "531770282580668423", "Writing");
    public static readonly CategoryInfo DataScience = new("data_science_analytics", "531770282580668420", "Data Science & Analytics");
    public static readonly CategoryInfo Admin = new("admin_support", "531770282580668416", "Admin Support");
    public static readonly CategoryInfo Marketing = new("sales_marketing", "531770282580668422", "Sales & Marketing");
    public static readonly CategoryInfo Translation = new("translation", "531770282570964481", "Translation");
    public static readonly CategoryInfo It = new("it_networking", "531770282580668419", "IT & Networking");
    public static readonly CategoryInfo Accounting = new("accounting_consulting", "531770282580668417", "Accounting & Consulting");
    public static readonly CategoryInfo CustomerService = new("customer_service", "1017484851352698949", "Customer Service");

    public static IReadOnlyList<CategoryInfo> Categories { get; } =
        [WebDev, Design, Writing, DataScience, Admin, Marketing, Translation, It, Accounting, CustomerService];

    private static readonly SubcategoryInfo WebDevelopment = new("web_development", "531770282584862733", "Web Development", WebDev);
    private static readonly SubcategoryInfo MobileDevelopment = new("mobile_development", "531770282589057024", "Mobile Development", WebDev);
    private static readonly SubcategoryInfo Ecommerce = new("ecommerce_development", "531770282589057025", "Ecommerce Development", WebDev);
    private static readonly SubcategoryInfo Scripts = new("scripts_utilities", "531770282589057026", "Scripts & Utilities", WebDev);
    private static readonly SubcategoryInfo AiApps = new("ai_apps_integration", "1737190722360750082", "AI Apps & Integration", WebDev);
    private static readonly SubcategoryInfo Graphic = new("branding_logo_design", "1044578476142100480", "Branding & Logo Design", Design);
    private static readonly SubcategoryInfo Product = new("product_design", "1044578476142100481", "Product Design", Design);
    private static readonly SubcategoryInfo Content = new("content_writing", "1534904462131675136", "Content Writing", Writing);
    private static readonly SubcategoryInfo Tech = new("professional_business_writing", "1534904462131675137", "Professional & Business Writing", Writing);
    private static readonly SubcategoryInfo Analysis = new("data_analysis_testing", "531770282593251330", "Data Analysis & Testing", DataScience);
    private static readonly SubcategoryInfo Ml = new("ai_machine_learning", "531770282593251331", "AI & Machine Learning", DataScience);
    private static readonly SubcategoryInfo Va = new("virtual_assistance", "531770282584862720", "Virtual Assistance", Admin);
    private static readonly SubcategoryInfo DataEntry = new("data_entry_transcription_services", "531770282584862721", "Data Entry & Transcription Services", Admin);
    private static readonly SubcategoryInfo Digital = new("digital_marketing", "531770282589057034", "Digital Marketing", Marketing);
    private static readonly SubcategoryInfo TranslationServices = new("translation_localization_services", "1534904461842268160", "Translation & Localization Services", Translation);
    private static readonly SubcategoryInfo DevOps = new("devops_solution_architecture", "531770282589057033", "DevOps & Solution Architecture", It);
    private static readonly SubcategoryInfo Bookkeeping = new("accounting_bookkeeping", "531770282589057029", "Accounting & Bookkeeping", Accounting);
    private static readonly SubcategoryInfo Support = new("customer_service_tech_support", "1017484851352698950", "Customer Service & Tech Support", CustomerService);

    public static IReadOnlyList<string> Products { get; } =
    [
        "B2B SaaS platform", "multi-vendor e-commerce store", "property management app", "fitness coaching platform",
        "logistics dashboard", "healthcare appointment scheduler", "online course marketplace", "restaurant ordering system",
        "real estate listings portal", "fintech budgeting app", "HR onboarding tool", "event ticketing site",
        "nonprofit donation platform", "construction project tracker", "travel booking engine", "pet care marketplace",
    ];

    public static IReadOnlyList<JobTemplate> Templates { get; } =
    [
        new(WebDevelopment, "1110580482322976768", "Full Stack Development",
            ["Full-Stack Developer (React + Node.js) for {product}", "React Front-End Developer Needed to Finish Our MVP",
             "Next.js Developer to Build Marketing Site and Customer Dashboard", "Senior TypeScript Engineer for {product}"],
            ["We are a small, fast-moving team building a {product}. The design is done in Figma and the back end is about 70% complete; we now need an experienced developer to take the front end over the finish line.",
             "Our {product} has grown faster than expected and we need another pair of hands. You will work directly with our CTO and ship features every week.",
             "We're looking for a developer who can own features end to end on our {product}, from the database schema to pixel-perfect React components."],
            ["Build responsive pages from our Figma designs using React and TypeScript", "Integrate REST and GraphQL endpoints, including authentication and error handling",
             "Write unit tests with Jest and React Testing Library", "Improve Lighthouse scores and Core Web Vitals", "Set up role-based access for admin users",
             "Refactor legacy class components to hooks", "Implement Stripe subscription checkout"],
            ["3+ years of professional React experience", "Strong TypeScript and modern CSS (Tailwind is a plus)", "Experience with Node.js/Express or NestJS",
             "Good written English and availability for a weekly call", "Please share links to live projects you built"],
            ["React", "TypeScript", "JavaScript", "Node.js", "Next.js", "Tailwind CSS", "GraphQL", "REST API", "PostgreSQL", "Redux"],
            "ANY", 500m, 6000m, 25m, 70m),
        new(WebDevelopment, "1110580482322976769", "Back-End Development",
            [".NET Core Developer for Third-Party API Integration", "Senior C# / ASP.NET Core Engineer - Long-Term Contract",
             "Migrate Legacy ASP.NET WebForms Application to .NET 8", "Blazor Developer to Build Internal Admin Portal"],
            ["We run a {product} on ASP.NET Core and SQL Server, hosted on Azure. We need a seasoned .NET engineer to help us with a backlog of integration work.",
             "Our company maintains a large line-of-business application written in C#. Parts of it still run on .NET Framework 4.8 and we want to move everything to .NET 8.",
             "We are hiring a back-end developer to extend the API of our {product} and keep it fast and secure."],
            ["Design and implement new REST endpoints in ASP.NET Core", "Integrate with a partner API using OAuth 2.0 and webhooks",
             "Write EF Core migrations and optimise slow SQL queries", "Add structured logging and health checks", "Containerise the service with Docker",
             "Set up background jobs with Hangfire or Quartz", "Write integration tests with xUnit"],
            ["5+ years with C# and .NET", "Solid SQL Server or PostgreSQL knowledge", "Experience with Azure App Service, Functions or AKS",
             "Comfortable with Git, pull requests and code review", "Overlap of at least 4 hours with US Eastern time"],
            ["C#", ".NET Core", "ASP.NET Core", ".NET Framework", "Microsoft SQL Server", "Entity Framework", "Azure", "Blazor", "API Integration", "xUnit"],
            "ANY", 800m, 12000m, 30m, 90m),
        new(WebDevelopment, "1110580482322976770", "Back-End Development",
            ["Python Django Developer for {product}", "FastAPI Backend Developer Needed", "Python Developer to Automate Reporting Pipeline",
             "Django REST Framework Expert for API Refactor"],
            ["We have an existing Django application powering our {product}. We need a Python developer to add features and fix a handful of bugs.",
             "I'm a non-technical founder with a working prototype of a {product} written in Python. I need someone to turn it into production-quality code.",
             "Our analytics team produces weekly reports by hand from three different systems. We want a Python developer to automate the whole pipeline."],
            ["Build new endpoints with Django REST Framework or FastAPI", "Write Celery tasks for scheduled jobs", "Model data in PostgreSQL and write migrations",
             "Add pytest coverage for critical paths", "Deploy to AWS (ECS or Lambda)", "Integrate the OpenAI API for text summarisation"],
            ["Strong Python 3 skills", "Experience with Django or FastAPI in production", "Familiarity with Docker and CI/CD", "Able to start within a week"],
            ["Python", "Django", "FastAPI", "PostgreSQL", "Celery", "AWS", "Docker", "REST API", "pytest"],
            "ANY", 300m, 5000m, 20m, 75m),
        new(Ecommerce, "1110580482322976771", "Ecommerce Website Development",
            ["Shopify Expert to Customize Theme and Speed Up Store|Shopify;Liquid;Shopify Theme Development",
             "Shopify Developer for Product Bundles and Subscriptions|Shopify;Liquid;Shopify Apps",
             "Shopify Store Setup for New Skincare Brand|Shopify;Shopify Theme Development"],
            ["We sell handmade skincare products through a Shopify store and need an expert to make some theme changes and improve page speed.",
             "We're launching a new product line on our Shopify store next month and need help customising the storefront and checkout.",
             "Our Shopify store converts well on desktop but poorly on mobile. We need someone who really knows Liquid and Online Store 2.0."],
            ["Customise Liquid templates and sections", "Fix mobile layout issues on product and collection pages", "Improve PageSpeed score above 80",
             "Set up product bundles and a subscription app", "Add structured data for SEO", "Configure shipping rules and discounts"],
            ["Portfolio of Shopify stores you worked on", "Solid Liquid, HTML and CSS", "Available to start immediately"],
            ["CSS", "JavaScript", "HTML", "Web Design", "Responsive Design", "Page Speed Optimization", "Ecommerce"],
            "FIXED", 100m, 1500m, 15m, 45m),
        new(Ecommerce, "1110580482322976787", "Ecommerce Website Development",
            ["WordPress Developer to Fix Elementor Layout Issues|WordPress;Elementor;PHP",
             "WooCommerce Plugin Customization and Checkout Fixes|WooCommerce;WordPress;PHP",
             "Speed Up Slow WordPress Site (Core Web Vitals)|WordPress;Page Speed Optimization"],
            ["Our WordPress site was built by an agency that is no longer available. A few templates broke after the last update and we need them fixed quickly.",
             "We run a WooCommerce store with about 800 products. Checkout has become slow and a custom plugin stopped working after an update.",
             "Our WordPress marketing site scores poorly on Core Web Vitals and it is hurting our rankings."],
            ["Fix conflicts between plugins after updates", "Repair broken Elementor templates on desktop and mobile", "Customise the WooCommerce checkout flow",
             "Improve PageSpeed and Core Web Vitals", "Set up staging and a safe update routine", "Add structured data for SEO"],
            ["Portfolio of WordPress or WooCommerce sites", "Strong PHP and WordPress hooks knowledge", "Available to start this week"],
            ["CSS", "JavaScript", "HTML", "Web Design", "Responsive Design", "MySQL", "SEO"],
            "FIXED", 80m, 1200m, 15m, 40m),
        new(MobileDevelopment, "1110580482322976772", "Mobile App Development",
            ["Flutter Developer for iOS & Android App|Flutter;Dart", "React Native Developer to Add In-App Purchases|React Native;TypeScript;JavaScript",
             "Swift iOS Developer - Bug Fixes and App Store Release|iOS;Swift;SwiftUI", "Kotlin Android Developer for Offline Sync Feature|Android;Kotlin"],
            ["We have a {product} mobile app with about 5,000 monthly active users. We need a mobile developer to add features and handle store releases.",
             "Our app was built last year by a freelancer who has since moved on, and we need someone to pick it up and ship the next version.",
             "We're building the companion mobile app for our {product} and need an experienced developer for the first release."],
            ["Implement new screens from Figma designs", "Add in-app purchases and subscriptions (RevenueCat)", "Implement push notifications with Firebase",
             "Fix crashes reported in Crashlytics", "Prepare App Store and Google Play releases", "Add offline mode with local storage and background sync"],
            ["Published apps in the App Store or Google Play", "Several years of native or cross-platform mobile development", "Clear communication and daily updates"],
            ["Mobile App Development", "Firebase", "REST API", "Push Notifications", "App Store Optimization", "Mobile UI Design"],
            "ANY", 500m, 8000m, 25m, 60m),
        new(Scripts, "1110580482322976773", "Scripting & Automation",
            ["Python Web Scraper for Public Product Listings|Python;Web Scraping;Beautiful Soup", "Google Apps Script to Automate Spreadsheet Workflow|Google Apps Script;Google Sheets",
             "Build a Chrome Extension to Export Data to CSV|JavaScript;Chrome Extension", "Zapier / Make Automation Between CRM and Invoicing|Zapier;Make.com;HubSpot"],
            ["We have a repetitive manual process that eats several hours every week, and we want it automated reliably.",
             "Our small team copies data between tools by hand. We want to automate it so nothing gets lost.",
             "I need a small, well-documented tool that I can run myself without calling a developer every time."],
            ["Write a robust script with retries and logging", "Schedule it to run daily", "Export results to Google Sheets or CSV",
             "Document how to run and configure it", "Handle pagination and rate limits politely"],
            ["Proven experience with automation or scraping", "Python, JavaScript or Apps Script", "Fast turnaround"],
            ["Automation", "Data Extraction", "API Integration", "Scripting", "CSV"],
            "FIXED", 50m, 800m, 15m, 40m),
        new(AiApps, "1737190722360750083", "AI Integration",
            ["LLM / RAG Chatbot Developer (Python, OpenAI API)", "Integrate AI Assistant into Our {product}",
             "Build a Document Q&A Tool with Embeddings", "AI Agent Developer for Customer Support Automation"],
            ["We want to add an AI assistant to our {product} that answers questions from our own help-center articles.",
             "We have thousands of PDF contracts and need a tool that lets our team search and ask questions about them.",
             "Our support team answers the same questions again and again. We'd like an AI agent that drafts replies for human review."],
            ["Design a retrieval-augmented generation pipeline", "Index documents with embeddings in a vector database", "Build a simple chat UI or Slack bot",
             "Evaluate answer quality and add guardrails", "Keep costs low with caching and smaller models"],
            ["Hands-on experience with LLM APIs (OpenAI, Anthropic or similar)", "Python and LangChain or LlamaIndex", "Links to AI projects you shipped"],
            ["Python", "OpenAI API", "LangChain", "Natural Language Processing", "Vector Database", "Machine Learning", "Chatbot Development", "AI Agent Development"],
            "ANY", 500m, 7000m, 35m, 110m),
        new(Graphic, "1110580482322976774", "Logo Design",
            ["Logo and Brand Identity for {product}", "Modern Logo Design for a Coffee Roastery", "Brand Style Guide and Social Media Templates"],
            ["We are launching a {product} and need a memorable logo and a simple brand identity.",
             "I'm opening a small specialty coffee roastery and would love a clean, modern logo that works on packaging and signage."],
            ["Present 3 initial logo concepts", "Two rounds of revisions", "Deliver vector files (AI, SVG, PDF) and PNG exports",
             "Create a one-page brand guide with colours and typography", "Design 5 social media templates in Canva or Figma"],
            ["Strong portfolio of logo and branding work", "Adobe Illustrator", "Good understanding of typography"],
            ["Logo Design", "Brand Identity", "Adobe Illustrator", "Graphic Design", "Adobe Photoshop", "Canva", "Typography"],
            "FIXED", 100m, 1500m, 20m, 60m),
        new(Product, "1110580482322976775", "UX/UI Design",
            ["UI/UX Designer for Mobile App (Figma)", "Redesign Onboarding Flow for {product}", "Landing Page Design in Figma"],
            ["We're redesigning the onboarding of our {product} because too many users drop off before finishing sign-up.",
             "We need a product designer to design the first version of our mobile app, from wireframes to high-fidelity screens."],
            ["Run a quick UX review of the current flow", "Create wireframes and a clickable prototype in Figma", "Design high-fidelity screens for iOS and Android",
             "Build a small design system with reusable components", "Hand off to developers with annotations"],
            ["Portfolio with case studies", "Expert in Figma", "Experience designing SaaS or mobile products"],
            ["Figma", "UX Design", "User Interface Design", "Mobile App Design", "Wireframing", "Prototyping", "Web Design"],
            "ANY", 300m, 4000m, 30m, 80m),
        new(Content, "1110580482322976776", "Content Writing",
            ["SEO Blog Writer for SaaS Company", "Long-Form Articles About Personal Finance", "Ghostwriter for LinkedIn Posts (B2B Tech)"],
            ["We publish two articles a week on our blog and need a reliable writer who understands SEO and our audience of small-business owners.",
             "I'm looking for a writer who can turn interviews with our founders into engaging LinkedIn posts."],
            ["Write 1,500–2,000 word articles from a brief and keyword list", "Research topics and cite reliable sources", "Optimise headings and meta descriptions",
             "Deliver in Google Docs with images suggested", "Write 3 LinkedIn posts per week"],
            ["Native or near-native English", "Samples of published work", "Experience with SEO tools such as Ahrefs or Semrush"],
            ["Content Writing", "SEO Writing", "Blog Writing", "Copywriting", "Article Writing", "Ghostwriting", "English"],
            "ANY", 50m, 1200m, 20m, 60m),
        new(Tech, "1110580482322976777", "Technical Writing",
            ["Technical Writer for API Documentation", "Write User Guide for Our Desktop Software", "Copywriter for Email Onboarding Sequence"],
            ["Our public REST API has grown to 80 endpoints and the documentation has not kept up. We need a technical writer who can read code.",
             "We need clear, friendly onboarding emails for new users of our {product}."],
            ["Document endpoints, request and response examples", "Write getting-started and authentication guides", "Review OpenAPI specs for consistency",
             "Write a 5-email onboarding sequence", "Edit existing pages for clarity"],
            ["Experience documenting APIs", "Able to read JSON and basic code", "Excellent written English"],
            ["Technical Writing", "API Documentation", "Copywriting", "Email Copywriting", "Editing & Proofreading", "Markdown"],
            "FIXED", 200m, 2500m, 25m, 70m),
        new(Analysis, "1110580482322976778", "Data Analysis",
            ["Data Analyst - Power BI Dashboard for Sales Team", "SQL Expert to Build Reporting Views", "Excel Financial Model Cleanup and Automation"],
            ["We export sales data from our CRM and ERP every week and build reports in Excel by hand. We'd like a proper Power BI dashboard.",
             "We need an analyst to clean up our data warehouse views and make sure the numbers match finance's reports."],
            ["Connect Power BI to SQL Server and our CRM", "Model the data (star schema) and write DAX measures", "Build 4–6 dashboard pages with drill-down",
             "Write optimised SQL views", "Document the data model"],
            ["Strong SQL", "Power BI or Tableau portfolio", "Attention to detail"],
            ["Microsoft Power BI", "SQL", "Data Analysis", "Microsoft Excel", "Data Visualization", "DAX", "Tableau"],
            "ANY", 300m, 3500m, 25m, 65m),
        new(Ml, "1110580482322976779", "Machine Learning",
            ["Machine Learning Engineer for Demand Forecasting Model", "Computer Vision Model to Detect Defects on Production Line",
             "Data Scientist to Build Churn Prediction Model"],
            ["We have three years of daily sales data across 40 stores and want a forecasting model that beats our current moving-average approach.",
             "We need a data scientist to predict which customers of our {product} are likely to cancel next month."],
            ["Explore and clean the data", "Engineer features and train models (gradient boosting, time series)", "Evaluate with proper backtesting",
             "Package the model as an API with FastAPI", "Present findings to the team"],
            ["Strong Python with pandas, scikit-learn and PyTorch or TensorFlow", "Experience deploying models to production", "Good communication of results"],
            ["Machine Learning", "Python", "Data Science", "scikit-learn", "PyTorch", "TensorFlow", "pandas", "Deep Learning", "Computer Vision"],
            "ANY", 1000m, 9000m, 40m, 120m),
        new(Va, "1110580482322976780", "Virtual Assistance",
            ["Virtual Assistant for Email and Calendar Management", "Executive Assistant for Busy Founder (Part-Time)", "Lead Research and CRM Data Entry"],
            ["I'm a founder juggling investor meetings and customer calls, and my inbox is out of control. I need a reliable assistant.",
             "We need someone detail-oriented to research leads and keep our CRM up to date."],
            ["Manage inbox and flag urgent emails", "Schedule meetings across time zones", "Research prospects on LinkedIn and company websites",
             "Enter and update records in HubSpot", "Prepare a weekly summary"],
            ["Excellent English", "Experience with Google Workspace", "Available during US business hours"],
            ["Virtual Assistance", "Email Management", "Calendar Management", "Data Entry", "Lead Generation", "HubSpot", "Google Workspace"],
            "HOURLY", 0m, 0m, 5m, 20m),
        new(DataEntry, "1110580482322976781", "Data Entry",
            ["Data Entry - Product Catalog in Excel", "Transcribe 20 Hours of Interview Audio", "Copy Data from PDFs into Spreadsheet"],
            ["We have about 2,000 products in PDF supplier catalogs that need to be entered into our spreadsheet template.",
             "We recorded customer interviews for a research project and need accurate transcripts."],
            ["Enter product names, SKUs, prices and descriptions", "Double-check accuracy", "Transcribe audio verbatim with timestamps", "Deliver in batches"],
            ["Fast and accurate typing", "Microsoft Excel or Google Sheets", "Previous data entry work"],
            ["Data Entry", "Microsoft Excel", "Transcription", "Google Sheets", "Copy & Paste", "Typing"],
            "FIXED", 30m, 400m, 5m, 15m),
        new(Digital, "1110580482322976782", "Digital Marketing",
            ["Google Ads Specialist for Local Service Business|Google Ads;PPC", "Social Media Manager (Instagram & TikTok)|Social Media Marketing;Instagram;TikTok Marketing",
             "SEO Audit and On-Page Optimization|Search Engine Optimization;On-Page SEO;Google Search Console", "Meta Ads Expert to Scale E-commerce Campaigns|Facebook Advertising;Meta Ads Manager"],
            ["We're a growing {product} and our marketing has mostly been word of mouth so far. We now want a specialist to own one channel and grow it.",
             "Our cost per lead has doubled this year and we suspect our campaigns and tracking need a serious clean-up.",
             "We have a small in-house team but lack hands-on expertise in this channel. We want someone who reports results honestly."],
            ["Audit the existing account and tracking", "Restructure campaigns and keywords", "Set up conversion tracking in GA4",
             "Plan and publish 12 posts per month", "Fix technical SEO issues and optimise on-page content", "Report results monthly"],
            ["Proven results with case studies", "Google Ads or Meta certification is a plus", "Experience with GA4 and Looker Studio"],
            ["Digital Marketing", "Marketing Strategy", "Google Analytics", "Content Marketing", "Looker Studio"],
            "ANY", 200m, 3000m, 20m, 60m),
        new(TranslationServices, "1110580482322976783", "Translation",
            ["English to Spanish Translation of Website Content|English;Spanish", "German Translator for Technical Manuals|English;German;Technical Translation",
             "Japanese Localization of Mobile App Strings|Japanese;Localization", "French Proofreader for Marketing Materials|French;Proofreading"],
            ["We're expanding into new markets and need our content translated by a native speaker, not a machine.",
             "We manufacture industrial equipment and need our documentation translated with correct, consistent terminology."],
            ["Translate about 8,000 words", "Keep formatting and placeholders intact", "Localise idioms and units", "Proofread the final version in context"],
            ["Native speaker of the target language", "Experience with CAT tools", "Samples of similar work"],
            ["Translation", "Localization", "Editing & Proofreading", "Transcreation"],
            "FIXED", 80m, 1500m, 15m, 45m),
        new(DevOps, "1110580482322976784", "DevOps Engineering",
            ["DevOps Engineer - AWS, Terraform, CI/CD|Amazon Web Services;Terraform;CI/CD", "Kubernetes Cluster Setup and Monitoring|Kubernetes;Prometheus;Grafana",
             "Azure DevOps Pipelines for .NET Solution|Azure DevOps;.NET Core;Azure", "Linux Server Hardening and Backup Setup|Linux System Administration;Bash"],
            ["Our infrastructure grew organically and is now a mix of hand-made servers. We want it reproducible, monitored and boring.",
             "We still deploy our {product} manually every Friday. We need proper pipelines and a safer release process.",
             "We are scaling our {product} and our current hosting setup will not keep up. We need an experienced engineer to lead the change."],
            ["Write Terraform modules for VPC, ECS and RDS", "Build CI/CD pipelines with GitHub Actions or Azure DevOps", "Set up Prometheus and Grafana monitoring",
             "Configure backups and disaster recovery", "Harden Linux servers and rotate secrets"],
            ["Hands-on AWS or Azure experience", "Terraform and Docker", "Certifications are a plus"],
            ["DevOps", "Docker", "Git", "Cloud Computing", "Infrastructure as Code"],
            "ANY", 500m, 6000m, 35m, 100m),
        new(Bookkeeping, "1110580482322976785", "Bookkeeping",
            ["Bookkeeper for QuickBooks Online Cleanup", "Monthly Bookkeeping and Reconciliation for Small Agency", "Xero Migration and Chart of Accounts Setup"],
            ["Our books in QuickBooks Online are about six months behind and full of uncategorised transactions.",
             "We're a 10-person agency looking for an ongoing bookkeeper for monthly reconciliation."],
            ["Categorise and reconcile bank and card transactions", "Clean up the chart of accounts", "Prepare monthly P&L and balance sheet", "Set up recurring invoices"],
            ["QuickBooks Online or Xero certification", "Experience with US small businesses", "Confidentiality"],
            ["Bookkeeping", "QuickBooks Online", "Xero", "Accounting", "Bank Reconciliation", "Financial Reporting"],
            "ANY", 150m, 1500m, 20m, 50m),
        new(Support, "1110580482322976786", "Customer Support",
            ["Customer Support Agent (Zendesk) - Part Time", "Live Chat Support for E-commerce Store (Weekends)", "Technical Support Specialist for SaaS Product"],
            ["We're a growing {product} and need friendly, patient people to answer customer tickets.",
             "We need weekend live-chat coverage for our online store."],
            ["Answer tickets and live chats in Zendesk or Intercom", "Troubleshoot common account issues", "Escalate bugs to the product team", "Keep help-center articles up to date"],
            ["Excellent written English", "Previous customer support experience", "Reliable internet connection"],
            ["Customer Service", "Zendesk", "Live Chat Support", "Intercom", "Email Support", "Technical Support"],
            "HOURLY", 0m, 0m, 8m, 22m),
    ];

    public static IReadOnlyList<string> Closings { get; } =
    [
        "To apply, please start your proposal with the word \"pineapple\" so we know you read the whole post, and tell us about a similar project you completed.",
        "Please include links to relevant work and a rough estimate of the time you need. Proposals that look copy-pasted will be ignored.",
        "If this goes well there is plenty of follow-up work. Looking forward to your proposals!",
        "We value clear communication and realistic estimates more than the lowest price. Thanks for reading!",
        "Tell us briefly how you would approach this, and what you would need from us to get started.",
    ];

    public static IReadOnlyList<string> Questions { get; } =
    [
        "Describe your recent experience with similar projects",
        "Please list any certifications related to this project",
        "What is your availability over the next four weeks?",
        "Include a link to your portfolio or GitHub",
        "How would you approach the first week of this project?",
        "What questions do you have about the project?",
    ];

    public static IReadOnlyList<ClientPlace> Places { get; } =
    [
        new("United States", "New York", "NY", "America/New_York", "-05:00"),
        new("United States", "Austin", "TX", "America/Chicago", "-06:00"),
        new("United States", "San Francisco", "CA", "America/Los_Angeles", "-08:00"),
        new("USA", "Miami", "FL", "America/New_York", "-05:00"),
        new("Canada", "Surrey", "BC", "America/Tijuana", "-08:00"),
        new("Canada", "Toronto", "ON", "America/Toronto", "-05:00"),
        new("GBR", "London", null, "Europe/London", "+00:00"),
        new("United Kingdom", "Manchester", null, "Europe/London", "+00:00"),
        new("IND", "Bengaluru", "KA", "Asia/Kolkata", "+05:30"),
        new("Australia", "Sydney", "NSW", "Australia/Sydney", "+10:00"),
        new("DEU", "Berlin", null, "Europe/Berlin", "+01:00"),
        new("Germany", "Munich", "BY", "Europe/Berlin", "+01:00"),
        new("ARE", "Dubai", null, "Asia/Dubai", "+04:00"),
        new("Netherlands", "Amsterdam", null, "Europe/Amsterdam", "+01:00"),
        new("SGP", "Singapore", null, "Asia/Singapore", "+08:00"),
        new("France", "Paris", null, "Europe/Paris", "+01:00"),
        new("ISR", "Tel Aviv", null, "Asia/Jerusalem", "+02:00"),
        new("Switzerland", "Zurich", null, "Europe/Zurich", "+01:00"),
        new("Saudi Arabia", "Riyadh", null, "Asia/Riyadh", "+03:00"),
        new("ESP", "Madrid", null, "Europe/Madrid", "+01:00"),
        new("Brazil", "Sao Paulo", "SP", "America/Sao_Paulo", "-03:00"),
        new("NZL", "Auckland", null, "Pacific/Auckland", "+12:00"),
    ];

    /// <summary>The human label of a JobDuration value.</summary>
    public static string? DurationLabel(string? duration) => duration switch
    {
        "WEEK" => "Less than 1 month",
        "MONTH" => "1 to 3 months",
        "QUARTER" => "3 to 6 months",
        "SEMESTER" or "ONGOING" => "More than 6 months",
        _ => null,
    };

    /// <summary>The EngagementDuration {id label weeks} of a JobDuration value.</summary>
    public static (string Id, string Label, int Weeks)? EngagementDuration(string? duration) => duration switch
    {
        "WEEK" => ("1", "Less than one month", 4),
        "MONTH" => ("2", "1 to 3 months", 12),
        "QUARTER" => ("3", "3 to 6 months", 26),
        "SEMESTER" or "ONGOING" => ("4", "More than 6 months", 52),
        _ => null,
    };
}
