using Modules.Upwork.Data;
using Modules.Upwork.Postings;

namespace Modules.Upwork.Features.GenerateDemoPostings;

/// <summary>
/// Realistic, clearly labelled demo jobs across categories, budgets and client profiles, so a fresh install shows the
/// live feed working before any real source is connected. Every job is marked demo and has no Upwork link.
/// </summary>
internal static class DemoJobGenerator
{
    private sealed record Template(string Category, string Subcategory, string[] Titles, string Need, string[] Skills, string Level, bool Hourly, decimal Low, decimal High);

    private static readonly Template[] Templates =
    [
        new("Web, Mobile & Software Dev", "Web Development", ["Build a {0} dashboard for our SaaS product", "Fix performance issues in our {0} web app", "Senior {0} developer to extend an internal tool"],
            "Our customers wait too long for reports, and we need someone who can ship a clean, fast interface and talk to our REST API.", ["React", "TypeScript", "Node.js", "REST API", "CSS"], "intermediate", true, 25, 60),
        new("Web, Mobile & Software Dev", "Backend Development", ["Python developer to automate data pipelines in {0}", "Django REST API for a {0} marketplace", "Scrape and normalise supplier catalogues with Python"],
            "We pull data from a dozen partner feeds by hand every morning; we want it automated, tested and documented.", ["Python", "Django", "PostgreSQL", "Web Scraping", "Pandas"], "expert", true, 40, 85),
        new("Web, Mobile & Software Dev", "Backend Development", [".NET developer for an ASP.NET Core API ({0})", "Migrate a WCF service to .NET 8 for our {0} platform", "Blazor Server front end for an internal {0} portal"],
            "Our legacy service is hard to deploy and slow; we need it moved to modern .NET with tests and a CI pipeline.", ["C#", ".NET", "ASP.NET Core", "Entity Framework", "Azure"], "expert", false, 1500, 6000),
        new("Web, Mobile & Software Dev", "Mobile Development", ["Flutter app for {0} bookings (iOS + Android)", "React Native developer to finish our {0} MVP", "Add push notifications and offline mode to our {0} app"],
            "We have designs in Figma and a working backend; we need the mobile app built and published to both stores.", ["Flutter", "Dart", "React Native", "Firebase", "iOS"], "intermediate", false, 2000, 8000),
        new("Design & Creative", "Graphic Design", ["Logo and brand kit for a {0} startup", "Pitch deck redesign for our {0} seed round", "Social media templates for a {0} brand"],
            "We are launching next month and need a confident, modern identity that works on the web and in print.", ["Logo Design", "Adobe Illustrator", "Brand Identity", "Figma"], "intermediate", false, 300, 1500),
        new("Design & Creative", "UX/UI Design", ["UX audit and redesign of our {0} onboarding", "Figma designer for a {0} mobile app"],
            "Sign-up conversion dropped to 18%; we want research-backed changes and a clickable prototype.", ["UX Design", "Figma", "User Research", "Prototyping"], "expert", true, 45, 90),
        new("Writing", "Content Writing", ["SEO blog posts about {0} (8 articles)", "Technical writer for {0} API documentation", "Ghostwriter for a {0} newsletter"],
            "We publish weekly and need well-researched, original articles in a clear voice, with keyword briefs provided.", ["Content Writing", "SEO Writing", "Copywriting", "Technical Writing"], "intermediate", false, 200, 1200),
        new("Data Science & Analytics", "Machine Learning", ["Churn prediction model for a {0} subscription business", "LLM-powered support assistant over our {0} knowledge base", "Computer vision prototype for {0} quality control"],
            "We have two years of labelled data and want a model we can run ourselves, with a short report on accuracy.", ["Machine Learning", "Python", "scikit-learn", "PyTorch", "LLM"], "expert", true, 50, 120),
        new("Data Science & Analytics", "Data Analysis", ["Power BI dashboards for {0} sales data", "SQL analyst to clean and model our {0} warehouse"],
            "Leadership wants one trustworthy dashboard instead of six spreadsheets.", ["Power BI", "SQL", "Data Visualization", "Excel"], "intermediate", true, 30, 65),
        new("Admin Support", "Virtual Assistance", ["Virtual assistant for a busy {0} founder", "Data entry: move {0} records into our CRM"],
            "Inbox, calendar and CRM hygiene, about 15 hours a week, overlapping with US Eastern mornings.", ["Virtual Assistance", "Data Entry", "Google Workspace", "HubSpot"], "entry", true, 8, 20),
        new("Sales & Marketing", "Digital Marketing", ["Google Ads specialist for a {0} e-commerce store", "Email marketing automation in Klaviyo for {0}", "LinkedIn outreach campaign for a {0} agency"],
            "Our cost per acquisition doubled this quarter; we need someone to audit the account and run tests.", ["Google Ads", "PPC", "Klaviyo", "Email Marketing", "Analytics"], "intermediate", true, 30, 70),
        new("IT & Networking", "DevOps & Solution Architecture", ["Kubernetes and CI/CD setup for a {0} startup", "AWS cost optimisation for our {0} platform", "Terraform our {0} infrastructure"],
            "Deployments are manual and the bill keeps growing; we want infrastructure as code and a pipeline the team understands.", ["Kubernetes", "Docker", "AWS", "Terraform", "GitHub Actions"], "expert", true, 55, 110),
        new("Translation", "Translation & Localization Services", ["Translate our {0} app into Spanish and German", "Localise {0} marketing site into Japanese"],
            "About 12,000 words of UI strings and help pages; consistency with a glossary matters more than speed.", ["Translation", "Localization", "Spanish", "German"], "intermediate", false, 400, 1800),
    ];

    private static readonly string[] Domains = ["fintech", "healthcare", "logistics", "real estate", "education", "travel", "fitness", "retail", "legal", "climate"];
    private static readonly (string Country, string City, string Timezone)[] Places =
    [
        ("United States", "Austin", "America/Chicago"), ("United Kingdom", "London", "Europe/London"), ("Canada", "Toronto", "America/Toronto"),
        ("Australia", "Sydney", "Australia/Sydney"), ("Germany", "Berlin", "Europe/Berlin"), ("United Arab Emirates", "Dubai", "Asia/Dubai"),
        ("Netherlands", "Amsterdam", "Europe/Amsterdam"), ("Singapore", "Singapore", "Asia/Singapore"), ("India", "Bengaluru", "Asia/Kolkata"),
    ];

    /// <summary>"a fintech", "an education": the indefinite article by the word's first letter (enough for our domains).</summary>
    internal static string WithArticle(string word) => ("aeiou".Contains(char.ToLowerInvariant(word[0]), StringComparison.Ordinal) ? "an " : "a ") + word;

    public static JobPostingDraft Create(Random random, DateTimeOffset now)
    {
        var t = Templates[random.Next(Templates.Length)];
        var domain = Domains[random.Next(Domains.Length)];
        // "a {0}" takes the article the domain needs: "an education startup", not "a education startup".
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, t.Titles[random.Next(t.Titles.Length)].Replace("a {0}", "{1}", StringComparison.Ordinal),
            domain, WithArticle(domain));
        var skills = t.Skills.OrderBy(_ => random.Next()).Take(random.Next(3, t.Skills.Length + 1)).ToList();
        var place = Places[random.Next(Places.Length)];
        var low = Math.Round(t.Low + (decimal)random.NextDouble() * (t.High - t.Low) / 2, 0);
        var high = t.Hourly ? Math.Round(low + (decimal)random.NextDouble() * (t.High - low), 0) : low;
        var hires = random.Next(0, 60);
        var description =
            $"[Demo job: generated so you can see the live feed work. Connect Upwork or paste a real job to replace it.]\n\n" +
            $"We are {WithArticle(domain)} company. {t.Need}\n\n" +
            $"What we need:\n- Proven experience with {string.Join(", ", skills.Take(3))}\n- Clear written updates twice a week\n- Availability to start within a week\n\n" +
            $"In your proposal, tell us about a similar project and how you would approach the first two weeks.";
        return new JobPostingDraft(
            SourceId: $"demo:{Guid.CreateVersion7():N}",
            Source: JobSources.Demo,
            Title: title,
            Description: description,
            BudgetMin: low,
            BudgetMax: high,
            Skills: skills,
            Category: t.Category,
            Subcategory: t.Subcategory,
            JobType: t.Hourly ? "hourly" : "fixed",
            ExperienceLevel: t.Level,
            Url: null,
            PostedAt: now,
            ProposalsCount: random.Next(0, 50),
            Client: new ClientInfo(hires, hires + random.Next(1, 20), Math.Max(0, hires - random.Next(0, 5)),
                hires == 0 ? null : Math.Round(3.5 + random.NextDouble() * 1.5, 2), hires == 0 ? 0 : random.Next(500, 250_000),
                random.NextDouble() < 0.8, place.Country, place.City, place.Timezone),
            RawPayload: null,
            IsDemo: true);
    }
}
