using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>
/// Analyses a job for a freelancer offline: deterministic rules over the posting's structured fields, the skill matcher,
/// and the trained models where they exist (<see cref="AnalysisModels"/>; each falls back to a stated prior when
/// missing). The description is read only for a fixed vocabulary of scope words — it is untrusted text, so nothing in
/// it is followed, and no reason quotes it. Thread-safe: holds no state besides the matcher.
/// </summary>
internal sealed partial class JobAnalyzer(SkillMatcher matcher)
{
    /// <summary>The meaning of the rules below; bump it when they change so stored analyses can be recomputed.</summary>
    public const int RulesVersion = 1;

    /// <summary>Key in <see cref="JobAnalysis.ModelVersions"/> when skills were also matched by meaning.</summary>
    public const string EmbeddingsKey = "skill_embeddings";

    // Priors used while no salary model is trained: typical Upwork rates by experience level, and fixed prices by
    // project size; an order of magnitude, not a forecast, and the reasons say "about".
    private static readonly Dictionary<string, decimal> HourlyPrior = new() { ["entry"] = 20, ["intermediate"] = 40, ["expert"] = 70, ["unknown"] = 35 };
    private static readonly Dictionary<ComplexityLevel, decimal> FixedPrior = new() { [ComplexityLevel.Low] = 300, [ComplexityLevel.Medium] = 1_500, [ComplexityLevel.High] = 5_000 };
    private static readonly Dictionary<string, decimal> FixedLevelFactor = new() { ["entry"] = 0.6m, ["intermediate"] = 1m, ["expert"] = 1.6m, ["unknown"] = 1m };

    /// <summary>Hours a project of each size typically takes, to price fixed jobs at the freelancer's rate.</summary>
    private static readonly Dictionary<ComplexityLevel, int> TypicalHours = new() { [ComplexityLevel.Low] = 10, [ComplexityLevel.Medium] = 35, [ComplexityLevel.High] = 110 };

    /// <summary>Analyses one job; <paramref name="profile"/> null gives a job-only analysis that asks to choose a profile.</summary>
    public async ValueTask<JobAnalysis> AnalyzeAsync(
        JobPostingDetails job, FreelancerProfile? profile, AnalysisModels models, DateTimeOffset now, CancellationToken ct = default)
    {
        var skills = await matcher.MatchAsync(job.Skills, profile, ct);
        var kind = BidKindOf(job);
        var complexity = AssessComplexity(job, kind);
        var versions = new Dictionary<string, int> { [ModelNames.Rules] = RulesVersion };
        if (profile is not null && matcher.IsSemantic && job.Skills.Count > 0) versions[EmbeddingsKey] = 1;

        var market = MarketPrice(job, kind, complexity.Level, models, versions);
        var competition = Competition(job, now);
        var difficulty = Difficulty(job, profile, complexity.Level, skills);
        var budget = BudgetAdequacy(job, kind, profile, market, complexity.Level);
        var client = AssessClient(job.Client);
        var bid = Bid(job, kind, profile, market, complexity.Level);
        var success = SuccessProbability(job, profile, skills, competition, client, budget, models, now, versions);
        var fit = Fit(skills, success, budget, client, competition, difficulty);
        var category = GuessCategory(job, models, versions);

        return new JobAnalysis(job.Id, profile?.Id, difficulty, competition, budget, skills, complexity, client, bid, success, fit,
            category, versions, now);
    }

    /// <summary>
    /// The fit score, 0–100, that ranks jobs:
    /// <c>100 × (0.35·S + 0.20·W + 0.15·B + 0.15·C + 0.10·K + 0.05·D)</c>, where
    /// S = skills match (0–1; 0.5 when no profile is chosen, so the other factors still rank),
    /// W = min(1, success probability / 0.4) (a 40 % win chance is already excellent on Upwork),
    /// B = (budget adequacy − 1) / 9, C = (client reliability − 1) / 9,
    /// K = (10 − competition) / 9, D = (10 − difficulty) / 9.
    /// Skills weigh most because a freelancer without them should not bid at all; difficulty least because it is
    /// already partly inside S and W.
    /// </summary>
    public static Scored Fit(SkillsMatch skills, Likelihood success, Scored budget, ClientReliability client, Scored competition, Scored difficulty)
    {
        var factors = Factors(skills, success, budget, client, competition, difficulty);
        var value = (int)Math.Round(100 * factors.Sum(f => f.Weight * f.Value));
        var label = value switch { >= 75 => "Excellent fit", >= 60 => "Good fit", >= 45 => "Fair fit", _ => "Poor fit" };
        var ranked = factors.OrderByDescending(f => f.Impact).ToList();
        var pros = ranked.Where(f => f.Value >= 0.6).Take(2).Select(f => f.Good).ToList();
        var cons = ranked.Where(f => f.Value <= 0.4).Take(2).Select(f => f.Bad).ToList();
        var reason = (pros.Count, cons.Count) switch
        {
            ( > 0, > 0) => $"{label}: {Join(pros)}, despite {Join(cons)}.",
            ( > 0, 0) => $"{label}: {Join(pros)}.",
            (0, > 0) => $"{label}: {Join(cons)}.",
            _ => $"{label}: nothing stands out either way.",
        };
        if (success.LearnedFrom is { } n) reason += $" Learned from your {n} proposals.";
        return new Scored(Math.Clamp(value, 0, 100), reason);
    }

    /// <summary>The reasons behind the items that move the fit score most, strongest first (for lists of jobs).</summary>
    public static IReadOnlyList<string> TopReasons(JobAnalysis analysis, int count = 3) =>
        Factors(analysis.SkillsMatch, analysis.SuccessProbability, analysis.BudgetAdequacy, analysis.ClientReliability,
                analysis.Competition, analysis.Difficulty)
            .OrderByDescending(f => f.Impact).Take(count).Select(f => f.Reason).ToList();

    private static List<FitFactor> Factors(
        SkillsMatch skills, Likelihood success, Scored budget, ClientReliability client, Scored competition, Scored difficulty) =>
    [
        new(0.35, skills.HasProfile ? skills.Score : 0.5, skills.Reason, "matching skills", "missing skills"),
        new(0.20, Math.Min(1, success.Value / 0.4), success.Reason, "good odds of winning", "long odds of winning"),
        new(0.15, (budget.Value - 1) / 9.0, budget.Reason, "a fitting budget", "a low budget"),
        new(0.15, (client.Score - 1) / 9.0, client.Reason, "a reliable client", "an unproven client"),
        new(0.10, (10 - competition.Value) / 9.0, competition.Reason, "few competitors", "many competitors"),
        new(0.05, (10 - difficulty.Value) / 9.0, difficulty.Reason, "work well within your abilities", "work that is hard for you"),
    ];

    private static BidKind BidKindOf(JobPostingDetails job) => JobFacts.Kind(job) switch
    {
        "fixed" => BidKind.Fixed,
        "hourly" => BidKind.Hourly,
        _ => (job.BudgetMax ?? job.BudgetMin) is > 250 ? BidKind.Fixed : BidKind.Hourly,   // rates above $250/h are rare
    };

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    private static string Article(ComplexityLevel level) => level switch
    {
        ComplexityLevel.Low => "a small",
        ComplexityLevel.Medium => "a medium-sized",
        _ => "a large",
    };

    private static string Age(double hours) => hours switch
    {
        < 1 => $"{Math.Max(1, (int)(hours * 60))} minutes",
        < 2 => "an hour",
        < 48 => $"{(int)hours} hours",
        _ => $"{(int)(hours / 24)} days",
    };

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    private static string Percent(double share) => ((int)Math.Round(share * 100)).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Verb(IReadOnlyList<string> subjects, string verb) => subjects.Count == 1 ? verb + "s" : verb;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Regex ScopeRegex(string pattern) => new($@"\b(?:{pattern})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\b(?:quick|small fix|simple|minor|bug ?fix|tweak|one[- ]page|landing page|small task|few hours)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SmallScope();

    [GeneratedRegex(@"\b(?:distributed|kubernetes|machine learning|deep learning|security|performance|optimi[sz]ation|algorithm|real[- ]?time|blockchain|smart contract|embedded|low[- ]latency|high availability|concurren|compiler|cryptograph)", RegexOptions.IgnoreCase)]
    private static partial Regex DeepTech();

    private sealed record FitFactor(double Weight, double Value, string Reason, string Good, string Bad)
    {
        /// <summary>How far this factor pulls the score away from neutral.</summary>
        public double Impact => Weight * Math.Abs(Value - 0.5);
    }
}
