using System.Text;
using System.Text.RegularExpressions;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>
/// Skill spelling: <see cref="Normalize"/> irons out case, spaces and punctuation (so "Node.js" = "node.js" = "node js"),
/// <see cref="Canonical"/> maps the names people use for one skill onto one name ("ReactJS", "React.js" → "React").
/// The table is hand-written: short and reviewed beats large and noisy. Ambiguous short forms ("CV", "Go" in prose,
/// "DL", "TF", "PM") are left out on purpose.
/// </summary>
internal static partial class SkillNames
{
    private static readonly (string Name, string[] Aliases)[] Table =
    [
        ("JavaScript", ["js", "javascript", "ecmascript", "es6", "vanilla js", "vanilla javascript"]),
        ("TypeScript", ["ts", "typescript"]),
        ("React", ["react", "reactjs", "react.js", "react js"]),
        ("React Native", ["react native", "reactnative"]),
        ("Node.js", ["node", "nodejs", "node.js", "node js"]),
        ("Vue.js", ["vue", "vuejs", "vue.js", "vue js", "vue 3"]),
        ("Angular", ["angular", "angularjs", "angular.js", "angular 2+"]),
        ("Next.js", ["next", "nextjs", "next.js", "next js"]),
        ("Express", ["express", "expressjs", "express.js"]),
        ("PostgreSQL", ["postgres", "postgresql", "postgre sql", "psql"]),
        ("Microsoft SQL Server", ["mssql", "ms sql", "sql server", "microsoft sql server", "t sql", "tsql"]),
        ("MongoDB", ["mongo", "mongodb", "mongo db"]),
        ("Elasticsearch", ["elasticsearch", "elastic search"]),
        ("Machine Learning", ["ml", "machine learning", "machine learning models"]),
        ("Deep Learning", ["deep learning", "deep neural networks", "neural networks"]),
        ("Artificial Intelligence", ["ai", "artificial intelligence"]),
        ("Natural Language Processing", ["nlp", "natural language processing"]),
        ("Computer Vision", ["computer vision", "image recognition"]),
        ("Large Language Models", ["llm", "llms", "large language model", "large language models"]),
        ("OpenAI API", ["openai", "openai api", "chatgpt api", "gpt api"]),
        ("Scikit-learn", ["sklearn", "scikit learn", "scikitlearn"]),
        ("TensorFlow", ["tensorflow", "tensor flow"]),
        ("PyTorch", ["pytorch", "torch"]),
        ("Kubernetes", ["k8s", "kubernetes", "kube"]),
        ("Docker", ["docker", "docker compose", "containers"]),
        ("CI/CD", ["ci/cd", "ci cd", "cicd", "continuous integration", "continuous deployment"]),
        ("Amazon Web Services", ["aws", "amazon web services"]),
        ("Google Cloud Platform", ["gcp", "google cloud", "google cloud platform"]),
        ("Microsoft Azure", ["azure", "microsoft azure", "ms azure"]),
        ("C#", ["c#", "csharp", "c sharp"]),
        (".NET", [".net", "dotnet", "dot net", ".net core", "net core", ".net framework"]),
        ("ASP.NET", ["asp.net", "aspnet", "asp.net core", "asp.net mvc", "aspnet core"]),
        ("Entity Framework", ["entity framework", "ef core", "entity framework core"]),
        ("C++", ["c++", "cpp", "cplusplus"]),
        ("Python", ["python", "python3", "python 3", "py"]),
        ("Go", ["golang", "go lang", "go"]),
        ("Ruby on Rails", ["rails", "ruby on rails", "ror"]),
        ("HTML", ["html", "html5"]),
        ("CSS", ["css", "css3"]),
        ("Tailwind CSS", ["tailwind", "tailwindcss", "tailwind css"]),
        ("REST API", ["rest", "rest api", "restful", "restful api", "rest apis", "restful apis"]),
        ("GraphQL", ["graphql", "gql"]),
        ("WordPress", ["wp", "wordpress", "word press"]),
        ("UI/UX Design", ["ui/ux", "ux/ui", "ui ux", "ux ui", "ui/ux design", "ux design", "ui design", "user experience design", "user interface design"]),
        ("Search Engine Optimization", ["seo", "search engine optimization", "search engine optimisation"]),
        ("Social Media Marketing", ["smm", "social media marketing"]),
        ("Google Ads", ["google ads", "adwords", "google adwords"]),
        ("Microsoft Excel", ["excel", "ms excel", "microsoft excel"]),
        ("Power BI", ["power bi", "powerbi", "microsoft power bi"]),
        ("Adobe Photoshop", ["photoshop", "adobe photoshop"]),
        ("Adobe Illustrator", ["illustrator", "adobe illustrator"]),
        ("QuickBooks", ["quickbooks", "quick books", "qbo", "quickbooks online"]),
        ("Bookkeeping", ["bookkeeping", "book keeping", "book-keeping"]),
        ("Copywriting", ["copywriting", "copy writing"]),
        ("Web Scraping", ["web scraping", "scraping", "data scraping", "web crawling"]),
        ("Customer Service", ["customer service", "customer support"]),
        ("Virtual Assistant", ["va", "virtual assistant", "virtual assistance"]),
    ];

    /// <summary>Upper-case short forms that read unambiguously in prose; expanded before embedding so the model sees words.</summary>
    private static readonly Dictionary<string, string> ProseAbbreviations = new(StringComparer.Ordinal)
    {
        ["ML"] = "machine learning", ["NLP"] = "natural language processing", ["AI"] = "artificial intelligence",
        ["LLM"] = "large language model", ["LLMs"] = "large language models", ["SEO"] = "search engine optimization",
        ["k8s"] = "Kubernetes", ["K8s"] = "Kubernetes", ["JS"] = "JavaScript", ["TS"] = "TypeScript",
        ["AWS"] = "Amazon Web Services", ["GCP"] = "Google Cloud", ["UX"] = "user experience", ["UI"] = "user interface",
        ["CI/CD"] = "continuous integration and deployment", ["SMM"] = "social media marketing",
    };

    private static readonly Dictionary<string, string> ByAlias = BuildIndex();

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in Table)
        {
            index[Normalize(name)] = name;
            foreach (var alias in aliases) index[Normalize(alias)] = name;
        }
        return index;
    }

    /// <summary>Lower case, trimmed, with dashes and underscores as spaces and runs of spaces collapsed; '#', '+', '.' and '/' kept.</summary>
    public static string Normalize(string skill)
    {
        var sb = new StringBuilder(skill.Length);
        var space = false;
        foreach (var ch in skill.Trim().ToLowerInvariant())
        {
            var c = ch is '-' or '_' ? ' ' : ch;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (!char.IsLetterOrDigit(c) && c is not ('#' or '+' or '.' or '/')) continue;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString().TrimEnd('.', ' ', '/').TrimStart(' ', '/');
    }

    /// <summary>The one name for a skill: from the table, else the normalised text with a ".js"/"js" suffix dropped.</summary>
    public static string Canonical(string skill)
    {
        var normalized = Normalize(skill);
        if (ByAlias.TryGetValue(normalized, out var name)) return Normalize(name);
        var stripped = JsSuffix().Replace(normalized, "");
        if (stripped.Length >= 3 && ByAlias.TryGetValue(stripped, out name)) return Normalize(name);
        return stripped.Length >= 3 ? stripped : normalized;
    }

    /// <summary>How to show a skill: the table's name when it has one, else the job's own spelling.</summary>
    public static string Display(string skill)
    {
        var normalized = Normalize(skill);
        if (ByAlias.TryGetValue(normalized, out var name)) return name;
        var stripped = JsSuffix().Replace(normalized, "");
        return stripped.Length >= 3 && ByAlias.TryGetValue(stripped, out name) ? name : skill.Trim();
    }

    /// <summary>Spells out short forms ("ML", "k8s") in free text, so a sentence embedding sees the words they stand for.</summary>
    public static string ExpandAbbreviations(string text) =>
        ProseAbbreviation().Replace(text, m => ProseAbbreviations.TryGetValue(m.Value, out var words) ? words : m.Value);

    [GeneratedRegex(@"\.?js$")]
    private static partial Regex JsSuffix();

    [GeneratedRegex(@"(?<![\w/])(?:CI/CD|LLMs|LLM|NLP|ML|AI|SEO|[kK]8s|JS|TS|AWS|GCP|UX|UI|SMM)(?![\w/])")]
    private static partial Regex ProseAbbreviation();
}
