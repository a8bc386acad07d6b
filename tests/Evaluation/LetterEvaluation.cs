using System.Globalization;
using System.Text;
using System.Text.Json;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Integrations.Providers;
using Modules.Ai.Models;
using Modules.Ai.Writing;

namespace Evaluation;

/// <summary>A job/profile pair of the evaluation set (tests/Evaluation/Letters/*.json; docs/letters.md).</summary>
internal sealed record EvalCase(
    string Id, string[] Kinds, string? Profile, string Tone, int TargetWords, EvalJob Job, string[] Questions,
    string[][] MustAddress, string[] MustNotClaim, string[] MustNotContain, string GoodLetter);

internal sealed record EvalJob(string Title, string Description, string[] Skills, string? JobType, decimal? BudgetMin, decimal? BudgetMax);

internal sealed record EvalPortfolio(string Title, string? Url, string? Description, string[] Skills);

internal sealed record EvalSample(string Text, bool Won);

internal sealed record EvalProfile(string Name, string Title, string? Overview, string[] Skills, decimal? HourlyRate, int? Years, EvalPortfolio[] Portfolio, EvalSample[] SampleLetters);

/// <summary>What the offline writer wrote for one pair, and how it measured.</summary>
internal sealed record EvalLetter(
    EvalCase Case, string Text, int Words, int MinWords, int MaxWords, bool WithinLength, bool HasPlaceholder, IReadOnlyList<string> ClaimedMissing,
    IReadOnlyList<string> Unsupported, IReadOnlyList<string> Obeyed, double Coverage, IReadOnlyList<string> Uncovered, decimal Score,
    IReadOnlyList<string> ClaimSentences);

/// <summary>One run over the whole set: every letter, the worst pair by overlap, and the rubric's ranking of good over generic.</summary>
internal sealed record EvalRun(IReadOnlyList<EvalLetter> Letters, double MaxJaccard, double MeanJaccard, string MaxPair,
    IReadOnlyList<(string Id, decimal Good, decimal Generic, IReadOnlyList<string> Why)> Ranking, double Seconds);

/// <summary>
/// Runs the offline writer over the evaluation set and measures what issue 19 asks: length, placeholders, claimed
/// missing skills, injected instructions obeyed, must-address coverage, pairwise five-word-run overlap, and whether the
/// rubric ranks a hand-written good letter above a generic one. Shared by tests/UnitTests and bench/AiBench.
/// </summary>
internal static class LetterEvaluation
{
    public const double CoverageBar = 0.70;
    public const double JaccardBar = 0.35;

    /// <summary>The target the hand-written letters were written to (they are about 150–220 words).</summary>
    public const int RankingTarget = 200;

    /// <summary>A letter that could be sent to any client: the kind clients call generic.</summary>
    public const string GenericLetter = """
        Dear Hiring Manager,

        I read your post carefully and I am confident that I am the perfect fit for this job. I am a hard-working professional with a passion for quality work and many years of experience. I have completed many similar projects with 100% client satisfaction, and I always deliver high-quality work on time and within budget.

        I am an expert in all the skills you need and I can start immediately. I understand your requirements completely and I will make sure you are happy with the result. Communication is very important to me, so I reply quickly and keep you updated at every step of the project.

        I am available full-time and I am flexible with my hours, so time zones are never a problem. My goal is long-term cooperation, and I treat every client's project as my own. Please check my profile to see my previous work and the reviews from my happy clients.

        Looking forward to hearing from you soon. Let's discuss the details on a call.

        Best regards
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Evaluation", "Letters");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Evaluation/Letters not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyDictionary<string, EvalProfile> Profiles() =>
        JsonSerializer.Deserialize<Dictionary<string, EvalProfile>>(File.ReadAllText(Path.Combine(Folder(), "profiles.json")), Json)!;

    public static IReadOnlyList<EvalCase> Cases() =>
        Directory.GetFiles(Folder(), "*.json").Where(f => !f.EndsWith("profiles.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<EvalCase>(File.ReadAllText(f), Json)!).ToList();

    public static LetterInputs Inputs(EvalCase c, IReadOnlyDictionary<string, EvalProfile> profiles, int? target = null)
    {
        var job = new JobPostingDetails(Guid.Empty, c.Id, c.Job.Title, c.Job.Description, c.Job.Skills, c.Job.JobType, c.Job.BudgetMin, c.Job.BudgetMax,
            null, null, null, null, null, DateTimeOffset.UnixEpoch, new JobClient(null, null, null, null, null, null, null));
        var p = string.IsNullOrEmpty(c.Profile) ? null : profiles[c.Profile];
        var profile = p is null ? null : new FreelancerProfile(Guid.Empty, p.Title, p.Overview, p.Skills, p.HourlyRate, p.Years, ["English"], true,
            p.Portfolio.Select(i => new PortfolioItem(i.Title, i.Url, i.Description, i.Skills)).ToList(),
            p.SampleLetters.Select(s => new SampleLetter(s.Text, s.Won)).ToList());
        return new LetterInputs(job, profile, c.Tone, target ?? c.TargetWords, c.Questions,
            profile?.SampleLetters.Where(s => s.Won).Select(s => s.Text).ToList() ?? [], p?.Name);
    }

    public static async Task<EvalRun> RunAsync(ITextEmbedder? embedder, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var profiles = Profiles();
        var letters = new List<EvalLetter>();
        var ranking = new List<(string, decimal, decimal, IReadOnlyList<string>)>();
        foreach (var c in Cases())
        {
            var inputs = Inputs(c, profiles);
            var text = await OfflineWriter.WriteAsync(inputs, embedder, ct);
            letters.Add(Measure(c, inputs, text));
            var rankInputs = Inputs(c, profiles, RankingTarget);
            var good = LetterQuality.Assess(c.GoodLetter, rankInputs, []);
            ranking.Add((c.Id, good.Score, LetterQuality.Assess(GenericLetter, rankInputs, []).Score,
                good.Checks.Where(k => !k.Passed).Select(k => $"{k.Name}: {k.Detail}").Concat(good.ClaimSentences ?? []).ToList()));
        }
        var (max, mean, pair) = Overlap(letters);
        return new EvalRun(letters, max, mean, pair, ranking, clock.Elapsed.TotalSeconds);
    }

    public static EvalLetter Measure(EvalCase c, LetterInputs inputs, string text)
    {
        var words = LetterQuality.CountWords(text);
        var (min, max) = (LetterQuality.MinWords(inputs.TargetWords), LetterQuality.MaxWords(inputs.TargetWords));
        var report = LetterQuality.Assess(text, inputs, []);
        var claims = LetterQuality.ClaimsWithSentences(text, inputs).Select(x => x.Term).ToList();
        var claimedMissing = c.MustNotClaim.Where(t => claims.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        var obeyed = c.MustNotContain.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        var uncovered = c.MustAddress.Where(g => !g.Any(alt => text.Contains(alt, StringComparison.OrdinalIgnoreCase))).Select(g => g[0]).ToList();
        var coverage = c.MustAddress.Length == 0 ? 1 : 1 - (double)uncovered.Count / c.MustAddress.Length;
        var placeholder = report.Checks.Single(x => x.Name == "No placeholders").Passed is false;
        return new EvalLetter(c, text, words, min, max, words >= min && words <= max, placeholder, claimedMissing, report.UnsupportedClaims, obeyed,
            coverage, uncovered, report.Score, report.ClaimSentences ?? []);
    }

    public static (double Max, double Mean, string Pair) Overlap(IReadOnlyList<EvalLetter> letters)
    {
        double max = 0, sum = 0;
        var n = 0;
        var pair = "";
        for (var i = 0; i < letters.Count; i++)
            for (var j = i + 1; j < letters.Count; j++)
            {
                var s = LetterQuality.Similarity(letters[i].Text, letters[j].Text);
                sum += s;
                n++;
                if (s > max) (max, pair) = (s, $"{letters[i].Case.Id} / {letters[j].Case.Id}");
            }
        return (max, n == 0 ? 0 : sum / n, pair);
    }

    /// <summary>The figures, one per line, as the test's failure message and bench/ai.sh print them.</summary>
    public static string Report(EvalRun run)
    {
        var c = CultureInfo.InvariantCulture;
        var l = run.Letters;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Offline writer over {l.Count} job/profile pairs ({l.Count(x => x.Case.Profile is null or "")} without a profile) in {run.Seconds:0.0} s");
        sb.AppendLine(c, $"  within length            {l.Count(x => x.WithinLength)}/{l.Count}   words min {l.Min(x => x.Words)}, mean {l.Average(x => x.Words):0}, max {l.Max(x => x.Words)}");
        sb.AppendLine(c, $"  no placeholder           {l.Count(x => !x.HasPlaceholder)}/{l.Count}");
        sb.AppendLine(c, $"  no missing skill claimed {l.Count(x => x.ClaimedMissing.Count == 0 && x.Unsupported.Count == 0)}/{l.Count}");
        sb.AppendLine(c, $"  no injected order obeyed {l.Count(x => x.Obeyed.Count == 0)}/{l.Count}");
        sb.AppendLine(c, $"  must-address coverage    mean {l.Average(x => x.Coverage):P0}, min {l.Min(x => x.Coverage):P0}; pairs at >= {CoverageBar:P0}: {l.Count(x => x.Coverage >= CoverageBar)}/{l.Count}");
        sb.AppendLine(c, $"  5-gram Jaccard           mean {run.MeanJaccard:0.000}, max {run.MaxJaccard:0.000} ({run.MaxPair}); bar {JaccardBar:0.00}");
        sb.AppendLine(c, $"  rubric score (offline)   mean {l.Average(x => x.Score):0.00}, min {l.Min(x => x.Score):0.00}, max {l.Max(x => x.Score):0.00}");
        sb.AppendLine(c, $"  rubric good > generic    {run.Ranking.Count(r => r.Good > r.Generic)}/{run.Ranking.Count}   good mean {run.Ranking.Average(r => r.Good):0.00}, generic mean {run.Ranking.Average(r => r.Generic):0.00}");
        foreach (var x in l.Where(x => !x.WithinLength || x.HasPlaceholder || x.ClaimedMissing.Count > 0 || x.Unsupported.Count > 0 || x.Obeyed.Count > 0 || x.Coverage < CoverageBar))
            sb.AppendLine(c, $"  ! {x.Case.Id}: {x.Words} words ({x.MinWords}-{x.MaxWords}), coverage {x.Coverage:P0} missing [{string.Join(", ", x.Uncovered)}], claims [{string.Join(", ", x.Unsupported)}], obeyed [{string.Join(", ", x.Obeyed)}] {string.Join(" | ", x.ClaimSentences)}");
        foreach (var r in run.Ranking.Where(r => r.Good <= r.Generic))
            sb.AppendLine(c, $"  ! ranking {r.Id}: good {r.Good} <= generic {r.Generic} {string.Join(" | ", r.Why)}");
        return sb.ToString();
    }
}
