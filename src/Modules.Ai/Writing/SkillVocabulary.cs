using Modules.Ai.Features.WriteCoverLetter;
namespace Modules.Ai.Writing;

/// <summary>
/// Skills and tools the claim check recognises in a letter (besides the job's own skills). A letter naming one of these
/// that the profile does not show is flagged: the AI may have invented it. Names that are also everyday English words
/// ("Go", "Swift", "Spring", "Express", "Excel", "REST", "R") are left out: they would flag honest letters.
/// </summary>
internal static class SkillVocabulary
{
    public static readonly IReadOnlyList<string> Terms =
    [
        "Python", "Django", "Flask", "FastAPI", "JavaScript", "TypeScript", "React", "Angular", "Vue", "Svelte", "Next.js", "Nuxt",
        "Node.js", "NestJS", "PHP", "Laravel", "Symfony", "WordPress", "Shopify", "Magento", "WooCommerce", "Ruby",
        "Java", "Kotlin", "SwiftUI", "Objective-C", "Flutter", "Dart", "React Native", "Xamarin", "C#", ".NET", "ASP.NET",
        "Blazor", "Unreal", "C++", "Rust", "Golang", "Scala", "Elixir", "Haskell", "Perl", "MATLAB",
        "SQL", "PostgreSQL", "MySQL", "SQLite", "MongoDB", "Redis", "Elasticsearch", "Cassandra", "DynamoDB", "Firebase", "Supabase",
        "Snowflake", "BigQuery", "Databricks", "Hadoop", "Kafka", "RabbitMQ", "Airflow", "dbt", "Tableau", "Power BI", "Looker",
        "AWS", "Azure", "GCP", "Google Cloud", "Docker", "Kubernetes", "Terraform", "Ansible", "Jenkins", "GitHub Actions", "GitLab CI",
        "Linux", "Nginx", "Serverless", "GraphQL", "gRPC", "WebSockets", "OAuth", "Stripe", "PayPal", "Twilio",
        "TensorFlow", "PyTorch", "Keras", "scikit-learn", "Pandas", "NumPy", "OpenCV", "LangChain", "LlamaIndex", "Hugging Face",
        "OpenAI", "ChatGPT", "Machine Learning", "Deep Learning", "NLP", "Computer Vision", "Data Science", "Web Scraping", "Scrapy",
        "Selenium", "Playwright", "Puppeteer", "Cypress", "Jest", "Figma", "Adobe XD", "Photoshop", "Illustrator",
        "After Effects", "Premiere Pro", "Blender", "AutoCAD", "SolidWorks", "VBA", "Google Sheets", "Zapier", "Make.com",
        "n8n", "Salesforce", "HubSpot", "SEO", "Google Ads", "Facebook Ads", "Copywriting", "QuickBooks", "Xero", "Bookkeeping",
        "Solidity", "Ethereum", "Web3", "Tailwind", "Bootstrap", "Sass", "HTML", "CSS", "jQuery", "Webflow", "Wix", "Squarespace",
    ];

    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PostgreSQL"] = ["Postgres"], ["Node.js"] = ["Node", "NodeJS"], ["JavaScript"] = ["JS"], ["TypeScript"] = ["TS"],
        ["Kubernetes"] = ["k8s"], ["Machine Learning"] = ["ML"], ["React"] = ["ReactJS", "React.js"],
        ["Vue"] = ["Vue.js", "VueJS"], ["GCP"] = ["Google Cloud"], ["Google Cloud"] = ["GCP"], [".NET"] = ["C#", "ASP.NET", "dotnet"],
        ["C#"] = [".NET", "csharp"], ["ASP.NET"] = [".NET"], ["Next.js"] = ["NextJS"], ["scikit-learn"] = ["sklearn"],
        ["Amazon Web Services"] = ["AWS"], ["AWS"] = ["Amazon Web Services"], ["NLP"] = ["natural language processing"],
    };

    /// <summary>Other names that count as evidence for <paramref name="term"/>.</summary>
    public static IReadOnlyList<string> Aliases(string term) => Synonyms.TryGetValue(term, out var a) ? a : [];
}
