using Contracts.Upwork;
using Modules.Analytics.Data;
using Modules.Analytics.Features.ShowWhatWins;
using Modules.Analytics.Rollups;
using Modules.Analytics.Statistics;

namespace UnitTests;

/// <summary>
/// "What wins for you" on generated histories (fixed seeds): an effect planted in the data is found, and nothing is
/// claimed where nothing was planted. The statistics are checked against values worked out independently.
/// </summary>
public sealed class WhatWinsCalculatorTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    /// <summary>
    /// A year of proposals whose attributes are drawn independently at random; each is hired with
    /// <paramref name="hireRate"/> of its payment verification, and otherwise answered a quarter of the time.
    /// </summary>
    private static List<ProposalFactRow> History(int seed, int count, Func<bool, double> hireRate)
    {
        var random = new SplitMix(seed);
        string[] categories = ["Web Development", "Mobile Apps", "Data Science"];
        string[] templates = ["Short", "Detailed", "Case study"];
        int[] competition = [2, 7, 15, 30, 60];
        int[] letters = [60, 150, 250, 400];
        int?[] hires = [0, 4, 25, null];
        var rows = new List<ProposalFactRow>(count);
        for (var i = 0; i < count; i++)
        {
            var sent = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 364 * 24 * 60));
            var posted = sent.AddMinutes(-random.Next(1, 3000));
            var verified = random.NextDouble() < 0.5;
            var hired = random.NextDouble() < hireRate(verified);
            var replied = hired || random.NextDouble() < 0.25;
            var hourly = random.NextDouble() < 0.3;
            var fact = new ProposalFact(Guid.NewGuid(), Guid.NewGuid(), "job", hired ? "hired" : "submitted", true, templates[random.Next(templates.Length)], null, 500, 8, sent,
                sent, replied ? sent.AddHours(5) : null, replied ? sent.AddHours(6) : null, hired ? sent.AddDays(2) : null,
                categories[random.Next(categories.Length)], hourly ? "hourly" : "fixed", null, hourly ? 60 : new[] { 80m, 300m, 1200m, 5000m }[random.Next(4)],
                Guid.Empty, posted, null, verified, hires[random.Next(hires.Length)], competition[random.Next(competition.Length)], letters[random.Next(letters.Length)]);
            rows.Add(new ProposalFactRow().Apply(fact, null, sent));
        }
        return rows;
    }

    [Theory, InlineData(1), InlineData(2), InlineData(3), InlineData(4), InlineData(5)]
    public void A_planted_threefold_hire_rate_for_verified_payment_is_found_and_nothing_else_is_claimed(int seed)
    {
        var data = WhatWinsCalculator.Compute(History(seed, 800, verified => verified ? 0.15 : 0.05), From, To);

        var verified = data.Findings.Single(f => f.Attribute == Dimensions.Payment && f.Bucket == "Payment verified" && f.Outcome == WinsOutcome.Hire);
        verified.Verdict.ShouldBe("raises");
        verified.Sent.ShouldBeGreaterThan(300);
        verified.VersusRest.Low.ShouldBeGreaterThan(0);
        verified.Sentence.ShouldContain("Payment verified");
        data.Findings.ShouldContain(f => f.Attribute == Dimensions.Payment && f.Bucket == "Payment not verified" && f.Outcome == WinsOutcome.Hire && f.Verdict == "lowers");
        // Everything else was drawn independently of the outcome: no claim about it.
        data.Findings.Where(f => f.Attribute != Dimensions.Payment).ShouldBeEmpty();
    }

    [Theory, InlineData(11), InlineData(12), InlineData(13), InlineData(14), InlineData(15), InlineData(16), InlineData(17), InlineData(18)]
    public void A_history_with_no_planted_effect_claims_nothing(int seed)
    {
        var data = WhatWinsCalculator.Compute(History(seed, 800, _ => 0.08), From, To);

        data.Sent.ShouldBe(800);
        data.Findings.ShouldBeEmpty();
        data.Attributes.SelectMany(a => a.Buckets).SelectMany(b => new[] { b.Reply.Verdict, b.Hire.Verdict }).ShouldAllBe(v => v == "unclear" || v == "too_few");
    }

    [Fact]
    public void Nothing_is_claimed_about_a_bucket_with_fewer_than_the_minimum_proposals()
    {
        // 19 proposals with a template that always wins, among 200 that rarely do: striking, but too few to say.
        var rows = History(7, 200, _ => 0.02);
        foreach (var r in rows.Take(WhatWinsCalculator.MinProposals - 1))
        {
            r.Template = "Magic";
            r.HiredAt = r.SubmittedAt!.Value.AddDays(1);
            r.RepliedAt = r.SubmittedAt!.Value.AddHours(1);
        }

        var data = WhatWinsCalculator.Compute(rows, From, To);

        var magic = data.Attributes.Single(a => a.Key == Dimensions.Template).Buckets.Single(b => b.Label == "Magic");
        magic.Sent.ShouldBe(WhatWinsCalculator.MinProposals - 1);
        magic.Hire.Verdict.ShouldBe("too_few");
        magic.Hire.VersusRest.ShouldBeNull();
        data.Findings.ShouldNotContain(f => f.Bucket == "Magic");
    }

    [Fact]
    public void Wilson_and_Newcombe_intervals_match_published_values()
    {
        // Newcombe (1998), Statistics in Medicine 17:857–872, tables I and II: 81/263 → 0.2553–0.3662; 56/70 − 48/80 → 0.0524 to 0.3339.
        var w = Proportions.Wilson(81, 263);
        w.Low.ShouldBe(0.2553, 0.0005);
        w.High.ShouldBe(0.3662, 0.0005);
        var d = Proportions.Difference(56, 70, 48, 80);
        d.Difference.ShouldBe(0.2, 1e-9);
        d.Low.ShouldBe(0.0524, 0.0005);
        d.High.ShouldBe(0.3339, 0.0005);
        Proportions.NormalCdf(1.959963984540054).ShouldBe(0.975, 1e-6);
        Proportions.Wilson(0, 0).ShouldBe(new RateInterval(0, 0, 0, 0, 1));
    }

    [Fact]
    public void Benjamini_Hochberg_keeps_the_step_up_cut()
    {
        // m = 5, q = 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05; the largest p(k) under its threshold is the 3rd (0.045 > 0.04).
        Proportions.Discoveries([0.045, 0.001, 0.5, 0.025, 0.011]).ShouldBe([false, true, false, true, true]);
        Proportions.Discoveries([0.2, 0.3]).ShouldBe([false, false]);
    }

    /// <summary>
    /// SplitMix64 (Steele, Lea and Flood 2014): seeded <see cref="Random"/> uses Knuth's subtractive generator, whose
    /// draws a fixed lag apart are correlated, which with a fixed number of draws per proposal plants effects of its own.
    /// </summary>
    private sealed class SplitMix(int seed)
    {
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;

        private ulong Next64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next64() >> 11) * (1.0 / (1UL << 53));

        public int Next(int max) => (int)(NextDouble() * max);

        public int Next(int min, int max) => min + Next(max - min);
    }
}
