using System.Globalization;
using System.Text;
using System.Text.Json;
using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.RedFlags;

namespace Evaluation;

/// <summary>One labelled job of the red-flag set (tests/Evaluation/RedFlags/jobs.json; docs/red-flags.md).</summary>
internal sealed record RedFlagCase(
    string Id, string Title, string Description, string[] Flags, string? JobType = null, decimal? BudgetMin = null, decimal? BudgetMax = null,
    ClientInfo? Client = null);

/// <summary>Precision and recall of one flag over the set, with the cases it got wrong.</summary>
internal sealed record FlagScore(string Code, int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Wrong)
{
    /// <summary>1 when the flag never fired (nothing claimed, nothing wrong).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>1 when the set has no positive for the flag.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public int Positives => TruePositives + FalseNegatives;
}

/// <summary>
/// Runs <see cref="RedFlagRules"/> over the labelled set and scores each flag. Shared by tests/UnitTests (floors) and
/// bench/RedFlagBench (the printed report).
/// </summary>
internal static class RedFlagEvaluation
{
    /// <summary>The set's size the issue asks for, at least.</summary>
    public const int MinimumCases = 60;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RedFlagCase> Cases()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Evaluation", "RedFlags", "jobs.json");
            if (File.Exists(candidate)) return JsonSerializer.Deserialize<List<RedFlagCase>>(File.ReadAllText(candidate), Json)!;
        }
        throw new FileNotFoundException("tests/Evaluation/RedFlags/jobs.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>What the rules flag on one case (codes only).</summary>
    public static IReadOnlySet<string> Predict(RedFlagCase c) =>
        RedFlagRules.Evaluate(new RedFlagInput(c.Title, c.Description, c.JobType, c.BudgetMin, c.BudgetMax, c.Client)).Select(f => f.Code).ToHashSet();

    /// <summary>A score for every code, in <see cref="RedFlagCodes.All"/> order (the market flag needs a salary model, so the set cannot score it).</summary>
    public static IReadOnlyList<FlagScore> Score(IReadOnlyList<RedFlagCase> cases)
    {
        var predicted = cases.ToDictionary(c => c.Id, Predict);
        return RedFlagCodes.All.Where(code => code != RedFlagCodes.BudgetBelowMarket).Select(code =>
        {
            int tp = 0, fp = 0, fn = 0;
            var wrong = new List<string>();
            foreach (var c in cases)
            {
                var expected = c.Flags.Contains(code);
                var got = predicted[c.Id].Contains(code);
                if (expected && got) tp++;
                else if (got) { fp++; wrong.Add("+" + c.Id); }
                else if (expected) { fn++; wrong.Add("-" + c.Id); }
            }
            return new FlagScore(code, tp, fp, fn, wrong);
        }).ToList();
    }

    /// <summary>The table bench/red-flags.sh prints: one line per flag, then the wrongly judged cases (+ false alarm, − missed).</summary>
    public static string Report(IReadOnlyList<FlagScore> scores, int cases)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Red flags over {cases} labelled jobs (tests/Evaluation/RedFlags/jobs.json)");
        sb.AppendLine("flag                    positives  precision  recall   wrong");
        foreach (var s in scores)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Code,-24}{s.Positives,9}  {s.Precision,9:0.00}  {s.Recall,6:0.00}   {string.Join(' ', s.Wrong)}");
        return sb.ToString();
    }
}
