using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;

namespace Modules.Ai.Features.AnalyzeJob;

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
            (> 0, > 0) => $"{label}: {Join(pros)}, despite {Join(cons)}.",
            (> 0, 0) => $"{label}: {Join(pros)}.",
            (0, > 0) => $"{label}: {Join(cons)}.",
            _ => $"{label}: nothing stands out either way.",
        };
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

    // ---- Complexity: the size and scope of the project -------------------------------------------------------------

    private static readonly (Regex Pattern, string Label)[] ScopeWords =
    [
        (ScopeRegex("integrat"), "integrations"), (ScopeRegex("migrat"), "a migration"), (ScopeRegex("dashboard"), "a dashboard"),
        (ScopeRegex("payment|checkout|stripe"), "payments"), (ScopeRegex("authenticat|log ?in|sign[- ]?up|sso"), "user accounts"),
        (ScopeRegex("real[- ]?time|websocket"), "real-time features"), (ScopeRegex("microservice"), "microservices"),
        (ScopeRegex("scalab|high traffic|millions of"), "scale"), (ScopeRegex("architect"), "architecture"),
        (ScopeRegex("mobile app|ios|android"), "mobile apps"), (ScopeRegex("admin panel|back[- ]?office|cms"), "an admin area"),
        (ScopeRegex("machine learning|model training|neural"), "machine learning"),
        (ScopeRegex("from scratch|end[- ]to[- ]end|full[- ]stack"), "building from scratch"),
        (ScopeRegex("ongoing|long[- ]term|phase"), "ongoing work"), (ScopeRegex("deploy|ci/cd|devops"), "deployment"),
        (ScopeRegex("security|compliance|hipaa|gdpr|soc ?2"), "security or compliance"),
        (ScopeRegex("multi[- ]?tenant|multi[- ]?language|i18n"), "multi-tenant or multi-language support"),
    ];

    private static Complexity AssessComplexity(JobPostingDetails job, BidKind kind)
    {
        var text = $"{job.Title}\n{job.Description}";
        var words = WordRegex().Count(job.Description ?? "");
        var scope = ScopeWords.Where(w => w.Pattern.IsMatch(text)).Select(w => w.Label).ToList();
        var small = SmallScope().IsMatch(text);
        var points = 0;
        var notes = new List<string>();

        points += words switch { < 60 => 0, < 200 => 1, < 500 => 2, _ => 3 };
        notes.Add(words switch { < 60 => "a short brief", < 200 => "a brief of moderate length", < 500 => "a detailed brief", _ => "a long, detailed brief" });
        var skillCount = job.Skills.Count;
        points += skillCount switch { <= 3 => 0, <= 7 => 1, _ => 2 };
        if (skillCount > 0) notes.Add(skillCount == 1 ? "1 skill" : $"{skillCount} skills");
        points += scope.Count switch { 0 => 0, <= 2 => 1, <= 4 => 2, _ => 3 };
        if (scope.Count > 0) notes.Add("parts like " + Join(scope.Take(3).ToList()));
        if (small)
        {
            points -= scope.Count <= 1 ? 2 : 1;
            notes.Add("described as a small task");
        }
        if (kind == BidKind.Fixed && (job.BudgetMax ?? job.BudgetMin) is > 0 and var amount)
        {
            points += amount switch { >= 5_000 => 2, >= 1_500 => 1, < 250 => -1, _ => 0 };
            if (amount >= 1_500 || amount < 250) notes.Add($"a {Money.Short(amount)} budget");
        }

        var level = points switch { <= 2 => ComplexityLevel.Low, <= 5 => ComplexityLevel.Medium, _ => ComplexityLevel.High };
        var size = level switch { ComplexityLevel.Low => "a small project", ComplexityLevel.Medium => "a medium-sized project", _ => "a large project" };
        return new Complexity(level, $"{Capitalize(Join(notes))}: {size}.");
    }

    // ---- Competition -----------------------------------------------------------------------------------------------

    private static Scored Competition(JobPostingDetails job, DateTimeOffset now)
    {
        var hours = JobFacts.HoursSincePosted(job, now);
        if (job.ProposalsCount is not { } proposals)
            return new Scored(5, "The number of proposals is unknown, so assume average competition.");
        var score = proposals switch { 0 => 1, < 5 => 2, < 10 => 4, < 15 => 5, < 20 => 6, < 35 => 7, < 50 => 8, _ => 9 };
        var extra = new List<string>();
        if (JobFacts.Level(job) == "entry")
        {
            score++;
            extra.Add("entry-level jobs draw many bids");
        }
        if (hours < 6 && proposals < 10)
        {
            score++;
            extra.Add($"it was posted {Age(hours)} ago, so more will come");
        }
        else if (hours > 24 * 7)
        {
            score++;
            extra.Add($"it was posted {Age(hours)} ago, so the client may be interviewing already");
        }
        score = Math.Clamp(score, 1, 10);
        var label = score switch { <= 3 => "low", <= 6 => "moderate", <= 8 => "high", _ => "very high" };
        var count = proposals switch { 0 => "No proposals yet", 1 => "1 proposal so far", _ => $"{proposals} proposals already" };
        var tail = extra.Count > 0 ? $" ({Join(extra)})" : "";
        return new Scored(score, $"{count}: {label} competition{tail}.");
    }

    // ---- Difficulty: how hard the work is for this freelancer ------------------------------------------------------

    private static Scored Difficulty(JobPostingDetails job, FreelancerProfile? profile, ComplexityLevel complexity, SkillsMatch skills)
    {
        var level = JobFacts.Level(job);
        var score = level switch { "entry" => 3, "expert" => 7, _ => 5 };
        var notes = new List<string>
        {
            level switch { "entry" => "Entry level asked", "intermediate" => "Intermediate level asked", "expert" => "Expert level asked", _ => "No level stated" },
        };
        if (complexity == ComplexityLevel.Low) score--;
        if (complexity == ComplexityLevel.High)
        {
            score++;
            notes.Add("a large project");
        }
        if (DeepTech().Matches($"{job.Title}\n{job.Description}").Select(m => m.Value.ToLowerInvariant()).Distinct().Count() >= 2)
        {
            score++;
            notes.Add("technically deep work");
        }
        if (profile is not null && skills.Matched.Count + skills.Missing.Count > 0)
        {
            if (skills.Score >= 0.99)
            {
                score--;
                notes.Add("you have every skill it needs");
            }
            else if (skills.Score < 0.5)
            {
                score += 2;
                notes.Add($"{skills.Missing.Count} of its skills missing from your profile");
            }
            else if (skills.Score < 0.8)
            {
                score++;
                notes.Add(skills.Missing.Count == 1 ? "1 skill missing from your profile" : $"{skills.Missing.Count} skills missing from your profile");
            }
        }
        if (profile?.YearsOfExperience is >= 8)
        {
            score--;
            notes.Add($"your {profile.YearsOfExperience} years of experience");
        }
        else if (profile?.YearsOfExperience is <= 1 && level == "expert")
        {
            score++;
            notes.Add("little experience for an expert job");
        }
        score = Math.Clamp(score, 1, 10);
        var label = score switch { <= 3 => "easy", <= 6 => "moderate", <= 8 => "hard", _ => "very hard" };
        return new Scored(score, $"{Join(notes)}: {label}{(profile is null ? "" : " for you")}.");
    }

    // ---- Budget ----------------------------------------------------------------------------------------------------

    private static decimal MarketPrice(JobPostingDetails job, BidKind kind, ComplexityLevel complexity, AnalysisModels models, Dictionary<string, int> versions)
    {
        if (models.Salary is { } salary)
        {
            var typed = JobFacts.Kind(job) is null ? job with { JobType = kind == BidKind.Fixed ? "fixed" : "hourly" } : job;
            if (salary.Predict(typed) is > 0 and var predicted)
            {
                versions[ModelNames.SalaryPredictor] = salary.Version;
                return predicted;
            }
        }
        var level = JobFacts.Level(job);
        return kind == BidKind.Hourly ? HourlyPrior[level] : FixedPrior[complexity] * FixedLevelFactor[level];
    }

    private static Scored BudgetAdequacy(JobPostingDetails job, BidKind kind, FreelancerProfile? profile, decimal market, ComplexityLevel complexity)
    {
        var (min, max) = Range(job);
        var offered = max ?? min;
        if (offered is null)
            return new Scored(5, kind == BidKind.Hourly ? "No rate stated: you can name your price." : "No budget stated: you can name your price.");
        var rate = profile?.HourlyRate is > 0 ? profile.HourlyRate : null;
        double ratio;
        string reason;
        if (kind == BidKind.Hourly)
        {
            var reference = rate ?? market;
            ratio = (double)(offered.Value / reference);
            var pays = min is { } lo && max is { } hi && lo != hi ? $"Pays {Money.Range(lo, hi, kind)}" : $"Pays up to {Money.Price(offered.Value, kind)}";
            reason = rate is { } r
                ? $"{pays} against your {Money.Price(r, kind)} rate"
                : $"{pays}; similar jobs pay about {Money.About(market, kind)}";
        }
        else
        {
            ratio = (double)(offered.Value / market);
            reason = $"{Money.Price(offered.Value, kind)} for {Article(complexity)} project; similar jobs pay about {Money.About(market, kind)}";
            if (rate is { } r)
            {
                var hours = offered.Value / r;
                var fair = (double)hours / TypicalHours[complexity];
                ratio = (ratio + fair) / 2;
                reason += $", and it buys about {Math.Round(hours):0} hours at your {Money.Price(r, BidKind.Hourly)} (such projects take about {TypicalHours[complexity]} hours)";
            }
        }
        var score = ratio switch { >= 1.3 => 10, >= 1.1 => 9, >= 1.0 => 8, >= 0.9 => 7, >= 0.8 => 6, >= 0.7 => 5, >= 0.6 => 4, >= 0.5 => 3, >= 0.35 => 2, _ => 1 };
        var label = score switch { >= 9 => "generous", >= 7 => "fair", >= 5 => "a little tight", >= 3 => "low", _ => "far too low" };
        return new Scored(score, $"{reason}: {label}.");
    }

    private static (decimal? Min, decimal? Max) Range(JobPostingDetails job)
    {
        var min = job.BudgetMin is > 0 ? job.BudgetMin : null;
        var max = job.BudgetMax is > 0 ? job.BudgetMax : null;
        if (min > max) (min, max) = (max, min);
        return (min, max);
    }

    // ---- Client ----------------------------------------------------------------------------------------------------

    private static ClientReliability AssessClient(JobClient client)
    {
        var score = 5;
        var indicators = new List<string>();
        switch (client.PaymentVerified)
        {
            case true: score += 2; indicators.Add("payment verified"); break;
            case false: score -= 2; indicators.Add("payment not verified"); break;
        }
        if (client.TotalSpent is { } spent)
        {
            score += spent switch { <= 0 => -1, < 1_000 => 0, < 10_000 => 1, < 100_000 => 2, _ => 3 };
            indicators.Add(spent <= 0 ? "nothing spent yet" : $"{Money.Short(spent)} spent");
        }
        if (client.TotalReviews is > 0 and var reviews && client.Rating is { } rating)
        {
            var points = rating switch { >= 4.7 => 2, >= 4.3 => 1, >= 4.0 => 0, _ => -2 };
            if (reviews < 3 && points > 0) points = 1;   // one or two reviews are thin evidence
            score += points;
            indicators.Add(string.Create(CultureInfo.InvariantCulture, $"{rating:0.0}★ from {reviews} review{(reviews == 1 ? "" : "s")}"));
        }
        else if (client.TotalReviews == 0) indicators.Add("no reviews yet");
        if (client.TotalHires is { } hires)
        {
            if (hires == 0)
            {
                score--;
                indicators.Add("no hires yet");
            }
            else if (client.TotalPostedJobs is >= 3 and var posted)
            {
                var rate = hires / (double)posted;
                if (rate >= 0.6) score++;
                else if (rate < 0.2) score--;
                indicators.Add($"{hires} hire{(hires == 1 ? "" : "s")} from {posted} jobs posted");
            }
            else indicators.Add($"{hires} hire{(hires == 1 ? "" : "s")}");
        }
        if (!string.IsNullOrWhiteSpace(client.Country)) indicators.Add($"based in {client.Country.Trim()}");
        score = Math.Clamp(score, 1, 10);
        if (indicators.Count == 0) return new ClientReliability(score, indicators, "Little is known about this client.");
        var label = score switch { >= 8 => "a reliable client", >= 6 => "a fairly reliable client", >= 4 => "an unproven client", _ => "a risky client" };
        var facts = indicators.Where(i => !i.StartsWith("based in", StringComparison.Ordinal)).Take(3).ToList();
        return new ClientReliability(score, indicators, facts.Count == 0 ? $"{Capitalize(label)}." : $"{Capitalize(Join(facts))}: {label}.");
    }

    // ---- Bid -------------------------------------------------------------------------------------------------------

    private static RecommendedBid Bid(JobPostingDetails job, BidKind kind, FreelancerProfile? profile, decimal market, ComplexityLevel complexity)
    {
        var rate = profile?.HourlyRate is > 0 ? profile.HourlyRate : null;
        decimal lo, hi;
        string basis;
        if (kind == BidKind.Hourly)
        {
            if (rate is { } r)
            {
                // Never undercut your own rate; go up towards the market when it pays more, by at most a quarter.
                (lo, hi) = (r, Math.Max(r, Math.Min(market, r * 1.25m)));
                if (hi <= lo) hi = lo * 1.1m;
                basis = $"Your rate is {Money.Price(r, kind)} and similar jobs pay about {Money.About(market, kind)}";
            }
            else
            {
                (lo, hi) = (market * 0.9m, market * 1.1m);
                basis = $"Similar jobs pay about {Money.About(market, kind)} (add your hourly rate to your profile for a personal range)";
            }
        }
        else
        {
            var anchor = market;
            basis = $"Similar jobs pay about {Money.About(market, kind)}";
            if (rate is { } r)
            {
                var effort = r * TypicalHours[complexity];
                anchor = (market + effort) / 2;
                basis += $", and {Article(complexity)} project takes about {TypicalHours[complexity]} hours ({Money.About(effort, kind)} at your rate)";
            }
            (lo, hi) = (anchor * 0.9m, anchor * 1.1m);
        }

        var (min, max) = Range(job);
        var note = "";
        if (min is { } only && min == max && (lo > only || hi < only))
            note = lo > only ? $"; the client's budget is only {Money.Price(only, kind)}" : $"; the client offers {Money.Price(only, kind)}, so ask for that";
        else if (max is { } cap && lo > cap)
            note = rate is not null && kind == BidKind.Hourly
                ? $"; that is above the client's {Money.Price(cap, kind)} cap, so bid at the top of their range and show why you are worth it"
                : $"; the client's budget of {Money.Price(cap, kind)} caps it";
        else if (min is { } floor && hi < floor)
            note = $"; the client offers at least {Money.Price(floor, kind)}, so bid in their range";
        else if (min is not null || max is not null)
            note = "; kept within the client's budget";
        lo = Clamp(lo, min, max);
        hi = Clamp(hi, min, max);
        if (hi < lo) hi = lo;
        var step = kind == BidKind.Hourly ? 1m : lo switch { < 1_000 => 5m, < 10_000 => 50m, _ => 100m };
        (lo, hi) = (RoundWithin(lo, step, min, max, up: true), RoundWithin(hi, step, min, max, up: false));
        if (hi < lo) hi = lo;
        return new RecommendedBid(lo, hi, "USD", kind, $"{basis}{note}: bid {Money.Range(lo, hi, kind)}.");
    }

    private static decimal Clamp(decimal value, decimal? min, decimal? max) => Math.Min(Math.Max(value, min ?? value), max ?? decimal.MaxValue);

    /// <summary>Rounds to a friendly step unless that would leave the client's range, where the exact bound is kept.</summary>
    private static decimal RoundWithin(decimal value, decimal step, decimal? min, decimal? max, bool up)
    {
        var rounded = (up ? Math.Ceiling(value / step) : Math.Floor(value / step)) * step;
        if (rounded <= 0) rounded = Math.Round(value, 0);
        return (min is { } lo && rounded < lo) || (max is { } hi && rounded > hi) ? Math.Round(value, 2) : rounded;
    }

    // ---- Success ---------------------------------------------------------------------------------------------------

    private static Likelihood SuccessProbability(JobPostingDetails job, FreelancerProfile? profile, SkillsMatch skills, Scored competition,
        ClientReliability client, Scored budget, AnalysisModels models, DateTimeOffset now, Dictionary<string, int> versions)
    {
        var drivers = new List<(double Effect, string Text)>();
        if (profile is not null && skills.Matched.Count + skills.Missing.Count > 0)
            drivers.Add((skills.Score - 0.6, skills.Score >= 0.8 ? "a strong skills match" : skills.Score >= 0.5 ? "a partial skills match" : "a weak skills match"));
        if (job.ProposalsCount is { } proposals)
            drivers.Add((proposals < 10 ? 0.3 : proposals >= 20 ? -0.3 : 0, proposals < 10 ? "few proposals so far" : proposals >= 20 ? "many proposals" : "an average number of proposals"));
        drivers.Add(((client.Score - 5) / 10.0, client.Score >= 7 ? "a client who hires" : client.Score <= 4 ? "an unproven client" : "an average client"));
        if (budget.Value <= 4) drivers.Add((-0.2, "a low budget"));
        var age = JobFacts.HoursSincePosted(job, now);
        if (age > 24 * 7) drivers.Add((-0.3, "an older posting"));
        else if (age < 24) drivers.Add((0.1, "a fresh posting"));

        double p;
        string source;
        if (models.Success is { } model && profile is not null)
        {
            p = model.Predict(job, profile, skills.Score, now);
            versions[ModelNames.SuccessModel] = model.Version;
            source = "Going by how your past proposals went";
        }
        else
        {
            // Prior until there is a track record: Upwork win rates sit around 10–20 %; the factors scale that.
            var skillFactor = profile is null ? 1.0 : 0.4 + 1.2 * skills.Score;
            var competitionFactor = job.ProposalsCount switch { null => 1.0, < 5 => 1.6, < 10 => 1.3, < 20 => 1.0, < 50 => 0.7, _ => 0.45 };
            var clientFactor = 0.7 + 0.06 * client.Score;
            var budgetFactor = budget.Value >= 5 ? 1.0 : 0.85;
            var ageFactor = age > 24 * 7 ? 0.7 : 1.0;
            p = Math.Clamp(0.15 * skillFactor * competitionFactor * clientFactor * budgetFactor * ageFactor, 0.01, 0.8);
            source = "Typically";
        }
        p = Math.Round(p, 3);
        var odds = p >= 0.5 ? "more often than not" : p < 0.02 ? "under 1 time in 50" : $"about 1 time in {Math.Max(2, (int)Math.Round(1 / p))}";
        var helps = drivers.Where(d => d.Effect > 0).OrderByDescending(d => d.Effect).Take(2).Select(d => d.Text).ToList();
        var hurts = drivers.Where(d => d.Effect < 0).OrderBy(d => d.Effect).Take(2).Select(d => d.Text).ToList();
        var why = (helps.Count, hurts.Count) switch
        {
            (> 0, > 0) => $"; {Join(helps)} {Verb(helps, "help")}, {Join(hurts)} {Verb(hurts, "hurt")}",
            (> 0, 0) => $"; {Join(helps)} {Verb(helps, "help")}",
            (0, > 0) => $"; {Join(hurts)} {Verb(hurts, "hurt")}",
            _ => "",
        };
        var forWhom = profile is null ? " (choose a profile for a personal estimate)" : "";
        return new Likelihood(p, $"{source}, proposals like this win {odds} ({Percent(p)}){why}{forWhom}.");
    }

    // ---- Category --------------------------------------------------------------------------------------------------

    private static readonly (string Category, string[] Terms)[] CategoryTerms =
    [
        ("Web, Mobile & Software Dev", ["react", "javascript", "typescript", "node.js", "angular", "vue.js", "next.js", "php", "laravel", "wordpress", "shopify",
            "html", "css", "c#", ".net", "asp.net", "java", "flutter", "ios", "android", "mobile app", "web development", "api", "rest api", "full stack", "front end", "back end", "software"]),
        ("Data Science & Analytics", ["machine learning", "deep learning", "data science", "data analysis", "data analytics", "pandas", "tableau", "power bi",
            "statistics", "natural language processing", "computer vision", "pytorch", "tensorflow", "data visualization", "large language models", "scikit learn"]),
        ("Design & Creative", ["logo", "logo design", "graphic design", "adobe illustrator", "adobe photoshop", "figma", "ui/ux design", "video editing", "animation", "branding", "illustration"]),
        ("Writing", ["copywriting", "content writing", "blog", "article", "proofreading", "editing", "ghostwriting", "technical writing"]),
        ("Sales & Marketing", ["search engine optimization", "social media marketing", "marketing", "google ads", "facebook ads", "email marketing", "lead generation"]),
        ("Accounting & Consulting", ["bookkeeping", "accounting", "quickbooks", "xero", "tax", "financial", "payroll", "financial modeling"]),
        ("Admin Support", ["data entry", "virtual assistant", "admin", "transcription", "web research"]),
        ("Customer Service", ["customer service", "zendesk", "chat support", "phone support"]),
        ("IT & Networking", ["devops", "kubernetes", "docker", "amazon web services", "linux", "network", "system administration", "microsoft azure", "ci/cd"]),
        ("Translation", ["translation", "translate", "localization"]),
    ];

    private static CategoryGuess? GuessCategory(JobPostingDetails job, AnalysisModels models, Dictionary<string, int> versions)
    {
        if (!string.IsNullOrWhiteSpace(job.Category)) return null;
        if (models.Classifier is { } classifier)
        {
            var (category, confidence) = classifier.Predict(job);
            if (!string.IsNullOrWhiteSpace(category))
            {
                versions[ModelNames.JobClassifier] = classifier.Version;
                var sure = confidence >= 0.7 ? "clearly belongs" : confidence >= 0.4 ? "most likely belongs" : "may belong";
                return new CategoryGuess(category, Math.Round(confidence, 3),
                    $"No category given; it {sure} in {category} ({Percent(confidence)} sure).");
            }
        }
        // Without a classifier: count the job's skills (and title words) that belong to each category.
        var terms = job.Skills.Select(SkillNames.Canonical).ToHashSet(StringComparer.Ordinal);
        var title = SkillNames.Normalize(job.Title);
        var hits = CategoryTerms
            .Select(c => (c.Category, Hits: c.Terms.Where(t => terms.Contains(t) || Regex.IsMatch(title, $@"(?<![\w.#+]){Regex.Escape(t)}(?![\w#+])")).ToList()))
            .Where(c => c.Hits.Count > 0).OrderByDescending(c => c.Hits.Count).ToList();
        if (hits.Count == 0) return null;
        var best = hits[0];
        var share = best.Hits.Count / (double)hits.Sum(h => h.Hits.Count);
        return new CategoryGuess(best.Category, Math.Round(0.6 * share, 3),
            $"No category given; words like {Join(best.Hits.Take(3).ToList())} suggest {best.Category}.");
    }

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
