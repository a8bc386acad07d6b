using Contracts.Upwork;
using Evaluation;
using Xunit.Abstractions;

namespace UnitTests.Upwork;

/// <summary>
/// The red flags over the labelled set (tests/Evaluation/RedFlags/jobs.json, docs/red-flags.md), with the precision and
/// recall bench/red-flags.sh prints kept as floors: a change to a pattern that loses either fails here.
/// </summary>
public sealed class RedFlagEvaluationTests(ITestOutputHelper output)
{
    // Floors per flag: (precision, recall) as measured when the set was written; the "hard-*" cases were added after
    // the patterns and not tuned for, so recall is below 1 where the patterns are known to miss ("whatsaap", "BTC
    // per article", "send 3 logo concepts with your proposal").
    private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new()
    {
        [RedFlagCodes.OffPlatform] = (1.0, 0.90),
        [RedFlagCodes.UnusualPayment] = (1.0, 0.85),
        [RedFlagCodes.PersonalDetails] = (1.0, 1.0),
        [RedFlagCodes.UnpaidTest] = (1.0, 0.85),
        [RedFlagCodes.ShortLink] = (1.0, 1.0),
        [RedFlagCodes.ExternalLink] = (1.0, 1.0),
        [RedFlagCodes.PaymentNotVerified] = (1.0, 1.0),
        [RedFlagCodes.NoHires] = (1.0, 1.0),
        [RedFlagCodes.LowHireRate] = (1.0, 1.0),
        [RedFlagCodes.LowRating] = (1.0, 1.0),
        [RedFlagCodes.BudgetAboveHistory] = (1.0, 1.0),
    };

    [Fact]
    public void Every_flag_keeps_its_precision_and_recall_floor_on_the_labelled_set()
    {
        var cases = RedFlagEvaluation.Cases();
        var scores = RedFlagEvaluation.Score(cases);
        var report = RedFlagEvaluation.Report(scores, cases.Count);
        output.WriteLine(report);

        cases.Count.ShouldBeGreaterThanOrEqualTo(RedFlagEvaluation.MinimumCases);
        cases.Select(c => c.Id).ShouldBeUnique();
        scores.Select(s => s.Code).ShouldBe(Floors.Keys, ignoreOrder: true);
        foreach (var s in scores)
        {
            s.Positives.ShouldBeGreaterThan(0, $"{s.Code} has no positive case in the set");
            s.Precision.ShouldBeGreaterThanOrEqualTo(Floors[s.Code].Precision, $"{s.Code} precision\n{report}");
            s.Recall.ShouldBeGreaterThanOrEqualTo(Floors[s.Code].Recall, $"{s.Code} recall\n{report}");
        }
    }

    [Fact]
    public void The_set_holds_legitimate_messenger_and_crypto_jobs_as_traps_and_none_is_flagged_off_platform()
    {
        var traps = RedFlagEvaluation.Cases().Where(c => c.Flags.Length == 0 &&
            (c.Description.Contains("Telegram", StringComparison.OrdinalIgnoreCase) || c.Description.Contains("WhatsApp", StringComparison.OrdinalIgnoreCase))).ToList();

        traps.Count.ShouldBeGreaterThanOrEqualTo(6);
        traps.Where(t => RedFlagEvaluation.Predict(t).Count > 0).Select(t => t.Id).ShouldBeEmpty();
    }
}
