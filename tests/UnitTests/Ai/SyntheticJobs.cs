using Contracts.Identity;
using Contracts.Upwork;

namespace UnitTests.Ai;

/// <summary>
/// Realistic synthetic Upwork data with known structure, so tests can check the models learn it: five categories with
/// their own vocabulary and skills (plus some words borrowed from other categories), budgets that depend on category,
/// experience level and skills count with log-normal noise, clients from reliable to unknown, and proposal outcomes
/// that depend on skills match, competition and client quality. Deterministic per seed.
/// </summary>
internal sealed class SyntheticJobs(int seed = 7)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public sealed record CategorySpec(string Name, string[] Skills, string[] Titles, string[] Words, decimal Hourly, decimal Fixed);

    public static readonly CategorySpec[] Categories =
    [
        new("Web, Mobile & Software Dev",
            ["React", "Node.js", "TypeScript", "CSS", "HTML", "REST API", "Next.js", "PostgreSQL", "GraphQL", "Docker"],
            ["Build a {0} web app for our startup", "{0} developer needed for a SaaS dashboard", "Fix bugs in our {0} frontend", "Senior {0} engineer to extend our API"],
            ["frontend", "backend", "web application", "API endpoints", "deploy to production", "responsive pages", "database schema", "reusable components", "pull requests", "authentication flow"],
            Hourly: 45, Fixed: 2_500),
        new("Data Science & Analytics",
            ["Python", "Machine Learning", "pandas", "scikit-learn", "SQL", "Tableau", "Deep Learning", "Natural Language Processing", "Data Visualization", "PyTorch"],
            ["{0} expert to build a churn prediction model", "Data scientist with {0} for demand forecasting", "Analyze our sales data with {0}", "Train a classifier using {0}"],
            ["predictive model", "training dataset", "feature engineering", "regression", "model accuracy", "statistical analysis", "forecasting", "cross-validation", "Jupyter notebooks", "data pipeline"],
            Hourly: 55, Fixed: 3_000),
        new("Design & Creative",
            ["Logo Design", "Adobe Illustrator", "Adobe Photoshop", "Figma", "Branding", "UI/UX Design", "Illustration"],
            ["Design a modern logo with {0}", "{0} designer for brand identity", "Create social media graphics in {0}", "Refresh our visual style with {0}"],
            ["logo concepts", "brand colors", "typography", "mockups", "visual identity", "style guide", "vector files", "creative direction", "color palette", "print-ready artwork"],
            Hourly: 30, Fixed: 600),
        new("Writing",
            ["Copywriting", "Content Writing", "SEO Writing", "Blog Writing", "Proofreading", "Editing"],
            ["Write blog posts about {0}", "{0} writer for our product pages", "Long-form articles with {0}", "Ghostwriter experienced in {0}"],
            ["blog posts", "word count", "tone of voice", "target audience", "editorial calendar", "engaging headlines", "plagiarism-free articles", "content briefs", "keyword research", "persuasive copy"],
            Hourly: 25, Fixed: 400),
        new("Accounting & Consulting",
            ["Bookkeeping", "QuickBooks", "Accounting", "Xero", "Financial Reporting", "Payroll", "Tax Preparation"],
            ["Bookkeeper needed for {0} cleanup", "Monthly {0} for a small business", "Reconcile accounts in {0}", "{0} specialist for year-end close"],
            ["bank reconciliation", "general ledger", "invoices", "financial statements", "month-end close", "accounts payable", "profit and loss", "balance sheet", "sales tax", "receipts"],
            Hourly: 35, Fixed: 800),
    ];

    private static readonly string[] Generic = ["Help needed with {0}", "Looking for a {0} freelancer", "{0} project, long-term possible"];

    private static readonly string[] Filler =
    [
        "We are a small team looking for someone reliable.", "Please include examples of similar work.", "Clear communication is important to us.",
        "The project should start as soon as possible.", "Tell us about your availability.", "We value attention to detail.",
    ];

    private static readonly Dictionary<string, double> LevelFactor = new() { ["entry"] = 0.6, ["intermediate"] = 1.0, ["expert"] = 1.6 };
    private static readonly string[] Levels = ["entry", "intermediate", "expert"];

    private readonly Random _random = new(seed);

    /// <summary>Jobs spread evenly over the categories.</summary>
    public List<JobPostingDetails> Jobs(int count) => Enumerable.Range(0, count).Select(i => Job(Categories[i % Categories.Length])).ToList();

    public JobPostingDetails Job(CategorySpec spec)
    {
        var skills = spec.Skills.OrderBy(_ => _random.Next()).Take(_random.Next(2, 7)).ToList();
        var level = Levels[_random.Next(Levels.Length)];
        var hourly = _random.NextDouble() < 0.6;
        var template = _random.NextDouble() < 0.25 ? Generic[_random.Next(Generic.Length)] : spec.Titles[_random.Next(spec.Titles.Length)];
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, skills[0]);
        var sentences = new List<string>();
        for (var i = 0; i < _random.Next(3, 7); i++)
        {
            var source = _random.NextDouble() < 0.3 ? Categories[_random.Next(Categories.Length)] : spec;   // some borrowed vocabulary
            sentences.Add($"You will work on {source.Words[_random.Next(source.Words.Length)]} and {source.Words[_random.Next(source.Words.Length)]}.");
        }
        sentences.Add(Filler[_random.Next(Filler.Length)]);
        decimal min, max;
        var noise = Math.Exp(Gaussian() * (hourly ? 0.15 : 0.3));
        if (hourly)
        {
            var rate = (double)spec.Hourly * LevelFactor[level] * noise;
            (min, max) = (Math.Round((decimal)(rate * 0.8)), Math.Round((decimal)(rate * 1.2)));
        }
        else
        {
            var amount = (double)spec.Fixed * LevelFactor[level] * (0.7 + 0.1 * skills.Count) * noise;
            min = max = Math.Round((decimal)amount / 10) * 10;
        }
        return new JobPostingDetails(
            NextGuid(), $"~{_random.Next():x}", title, string.Join(" ", sentences), skills, hourly ? "hourly" : "fixed", min, max,
            level, spec.Name, null, _random.Next(0, 60), null, Now.AddHours(-_random.Next(1, 240)), Client());
    }

    /// <summary>A client from one of three tiers: established, average, brand new.</summary>
    public JobClient Client() => _random.Next(3) switch
    {
        0 => new JobClient(true, "United States", _random.Next(5, 50), _random.Next(50, 80), _random.Next(5, 60), 4.6 + _random.NextDouble() * 0.4, _random.Next(5_000, 100_000)),
        1 => new JobClient(true, "Germany", _random.Next(1, 5), _random.Next(3, 10), _random.Next(1, 5), 4.0 + _random.NextDouble() * 0.7, _random.Next(200, 3_000)),
        _ => new JobClient(false, null, 0, _random.Next(0, 2), 0, null, 0),
    };

    /// <summary>A full-stack web developer; matches the web category's skills.</summary>
    public static FreelancerProfile WebDeveloper(decimal? rate = 60) => new(
        Guid.Parse("00000000-0000-0000-0000-00000000000a"), "Full-stack web developer",
        "I build fast, accessible web applications with React and Node.js. Seven years of shipping SaaS products, REST APIs and dashboards.",
        ["React", "Node.js", "TypeScript", "CSS", "HTML", "PostgreSQL"], rate, 7, ["English"], true,
        [new PortfolioItem("Analytics dashboard", null, "A React dashboard with charts for a logistics company.", ["Next.js", "GraphQL"])], []);

    /// <summary>
    /// Proposals the profile sent to some of the jobs and whether each won: the chance of winning rises with the skills
    /// match and the client's quality, and falls with the number of competing proposals.
    /// </summary>
    public List<ProposalOutcome> Outcomes(IReadOnlyList<JobPostingDetails> jobs, FreelancerProfile profile, int count)
    {
        var own = profile.Skills.Concat(profile.Portfolio.SelectMany(p => p.Skills)).Select(s => s.ToLowerInvariant()).ToHashSet();
        return jobs.OrderBy(_ => _random.Next()).Take(count).Select(job =>
        {
            var match = job.Skills.Count == 0 ? 0 : job.Skills.Count(s => own.Contains(s.ToLowerInvariant())) / (double)job.Skills.Count;
            var logit = -1.8 + 3.5 * match - 0.045 * (job.ProposalsCount ?? 10) + (job.Client.PaymentVerified == true ? 0.8 : -0.5);
            var won = _random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            var sent = job.PostedAt.AddHours(_random.Next(1, 48));
            return new ProposalOutcome(NextGuid(), job.Id, won ? "hired" : "declined", won, sent);
        }).ToList();
    }

    private Guid NextGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
