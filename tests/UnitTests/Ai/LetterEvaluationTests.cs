using Evaluation;
using Xunit.Abstractions;

namespace UnitTests.Ai;

/// <summary>
/// The offline writer over the evaluation set (tests/Evaluation/Letters, docs/letters.md), with the real MiniLM model
/// picking the evidence, against the numbers issue 19 sets.
/// </summary>
public sealed class LetterEvaluationTests(MiniLmFixture minilm, ITestOutputHelper output) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void The_set_holds_at_least_30_pairs_across_domains_with_hard_cases()
    {
        var cases = LetterEvaluation.Cases();
        var profiles = LetterEvaluation.Profiles();

        cases.Count.ShouldBeGreaterThanOrEqualTo(30);
        cases.Select(c => c.Profile).Where(p => !string.IsNullOrEmpty(p)).ShouldAllBe(p => profiles.ContainsKey(p!));
        foreach (var kind in new[] { "hourly", "fixed", "short", "long", "questions", "injection", "markup", "no-profile", "mention", "screening" })
            cases.Count(c => c.Kinds.Contains(kind)).ShouldBeGreaterThan(0, kind);
        cases.ShouldAllBe(c => c.MustAddress.Length >= 3 && c.GoodLetter.Length > 300);
    }

    [Fact]
    public async Task Every_letter_is_within_length_honest_unsteered_covers_the_post_and_differs_from_the_others()
    {
        var run = await LetterEvaluation.RunAsync(minilm.Embedder);
        var report = LetterEvaluation.Report(run);
        output.WriteLine(report);
        foreach (var l in run.Letters) output.WriteLine($"===== {l.Case.Id} ({l.Words} words, score {l.Score})\n{l.Text}\n");

        run.Letters.Where(l => !l.WithinLength).Select(l => l.Case.Id).ShouldBeEmpty(report);
        run.Letters.Where(l => l.HasPlaceholder).Select(l => l.Case.Id).ShouldBeEmpty(report);
        run.Letters.Where(l => l.ClaimedMissing.Count > 0 || l.Unsupported.Count > 0).Select(l => l.Case.Id).ShouldBeEmpty(report);
        run.Letters.Where(l => l.Obeyed.Count > 0).Select(l => l.Case.Id).ShouldBeEmpty(report);
        run.Letters.Where(l => l.Coverage < LetterEvaluation.CoverageBar).Select(l => l.Case.Id).ShouldBeEmpty(report);
        run.MaxJaccard.ShouldBeLessThanOrEqualTo(LetterEvaluation.JaccardBar, report);
    }

    [Fact]
    public async Task The_rubric_ranks_the_hand_written_letter_above_the_generic_one_on_every_pair_and_the_offline_letters_in_between()
    {
        var run = await LetterEvaluation.RunAsync(minilm.Embedder);
        output.WriteLine(LetterEvaluation.Report(run));

        run.Ranking.Where(r => r.Good <= r.Generic).Select(r => $"{r.Id}: {r.Good} <= {r.Generic}").ShouldBeEmpty();
        // The score spreads: it tells letters of different quality apart instead of giving them all one value.
        var scores = run.Ranking.SelectMany(r => new[] { r.Good, r.Generic }).Concat(run.Letters.Select(l => l.Score)).ToList();
        (scores.Max() - scores.Min()).ShouldBeGreaterThan(0.3m);
        run.Letters.Average(l => l.Score).ShouldBeGreaterThan(run.Ranking.Average(r => r.Generic));
    }
}
