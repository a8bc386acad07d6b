using Modules.Analytics.Data;
using Modules.Analytics.Rollups;
using Modules.Analytics.Statistics;

namespace Modules.Analytics.Features.ShowWhatWins;

/// <summary>Reply or hire.</summary>
internal enum WinsOutcome
{
    Reply,
    Hire,
}

/// <summary>How one group's rate compares with the rest of the user's proposals.</summary>
/// <param name="Rate">The group's rate with its Wilson interval.</param>
/// <param name="VersusRest">The group minus the rest; null when either side has too few proposals.</param>
/// <param name="Verdict"><c>raises</c>, <c>lowers</c>, <c>unclear</c> (enough proposals, no difference you can rely on) or <c>too_few</c>.</param>
internal sealed record WinsEffect(RateInterval Rate, RateDifference? VersusRest, string Verdict);

/// <summary>One bucket of one attribute: how many proposals, and its reply and hire rates against the rest.</summary>
internal sealed record WinsBucket(string Label, int Sent, WinsEffect Reply, WinsEffect Hire);

/// <summary>One attribute (category, budget band, …) with its buckets in display order.</summary>
internal sealed record WinsAttribute(string Key, string Label, IReadOnlyList<WinsBucket> Buckets);

/// <summary>One claim the panel makes, in words, with what it rests on.</summary>
internal sealed record WinsFinding(string Attribute, string Bucket, WinsOutcome Outcome, string Verdict, int Sent, RateInterval Rate, RateDifference VersusRest, string Sentence);

/// <summary>The "What wins for you" panel's numbers.</summary>
internal sealed record WhatWinsData(
    DateOnly From, DateOnly To, int Sent, RateInterval Reply, RateInterval Hire, int MinProposals, IReadOnlyList<WinsFinding> Findings, IReadOnlyList<WinsAttribute> Attributes);

/// <summary>
/// Which job and letter attributes go with higher or lower reply and hire rates, from the user's own sent proposals
/// (docs/features.md, "What wins for you"). For every bucket of every attribute with at least <see cref="MinProposals"/>
/// proposals in it and outside it, the bucket's rate is compared with the rest's (Newcombe interval, pooled z-test); the
/// whole family of tests is then put through Benjamini–Hochberg at 5%, so a history with no real effect claims nothing
/// 95% of the time however many buckets there are. A bucket is called out only when it is a discovery and its 95% interval
/// of the difference excludes zero. "Unknown" buckets are never claimed (nothing to act on). Pure: tests feed it rows.
/// </summary>
internal static class WhatWinsCalculator
{
    /// <summary>Fewest proposals in a bucket (and outside it) before anything is said about it.</summary>
    public const int MinProposals = 20;

    /// <summary>The false-discovery rate the claims are held to.</summary>
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>The attributes, in the order the panel shows them.</summary>
    public static readonly IReadOnlyList<string> Attributes =
    [
        Dimensions.Category, Dimensions.Budget, Dimensions.Payment, Dimensions.ClientHires, Dimensions.Competition, Dimensions.Speed,
        Dimensions.LetterLength, Dimensions.Template, Dimensions.TimeOfDay,
    ];

    /// <summary>The bucket a sent proposal falls in for <paramref name="attribute"/>.</summary>
    public static string Bucket(ProposalFactRow f, string attribute) => attribute switch
    {
        Dimensions.Category => f.Category ?? Dimensions.Unknown,
        Dimensions.Budget => f.BudgetBand ?? Dimensions.Band(f.JobType, f.BudgetMin, f.BudgetMax),
        Dimensions.Payment => f.PaymentBucket ?? Dimensions.Unknown,
        Dimensions.ClientHires => f.ClientHiresBucket ?? Dimensions.Unknown,
        Dimensions.Competition => f.CompetitionBucket ?? Dimensions.Unknown,
        Dimensions.Speed => f.SpeedBucket ?? Dimensions.SpeedBucket(f.JobPostedAt, f.SubmittedAt!.Value),
        Dimensions.LetterLength => f.LetterBucket ?? Dimensions.Unknown,
        Dimensions.Template => f.Template ?? (f.AiGenerated ? "AI, no template" : "Written by hand"),
        Dimensions.TimeOfDay => Dimensions.TimeOfDayBucket(f.SubmittedAt!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Unknown attribute."),
    };

    public static WhatWinsData Compute(IEnumerable<ProposalFactRow> facts, DateOnly from, DateOnly to)
    {
        var sent = facts.Where(f => f.SubmittedAt is not null && f.SubmittedOn is { } d && d >= from && d <= to).ToList();
        int total = sent.Count, replied = sent.Count(f => f.RepliedAt is not null), hired = sent.Count(f => f.HiredAt is not null);

        // First pass: every testable comparison, so the false-discovery control sees the whole family at once.
        var tests = new List<(string Attribute, string Bucket, WinsOutcome Outcome, RateDifference Difference)>();
        var raw = new List<(string Attribute, List<(string Label, int Sent, int Replied, int Hired)> Buckets)>();
        foreach (var attribute in Attributes)
        {
            var buckets = sent.GroupBy(f => Bucket(f, attribute), StringComparer.Ordinal)
                .Select(g => (Label: g.Key, Sent: g.Count(), Replied: g.Count(f => f.RepliedAt is not null), Hired: g.Count(f => f.HiredAt is not null)))
                .ToList();
            var order = Dimensions.Order(attribute);
            buckets = order is null
                ? buckets.OrderByDescending(b => b.Sent).ThenBy(b => b.Label, StringComparer.Ordinal).ToList()
                : buckets.OrderBy(b => Position(order, b.Label)).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
            raw.Add((attribute, buckets));
            foreach (var b in buckets.Where(b => Testable(b.Label, b.Sent, total)))
            {
                tests.Add((attribute, b.Label, WinsOutcome.Reply, Proportions.Difference(b.Replied, b.Sent, replied - b.Replied, total - b.Sent)));
                tests.Add((attribute, b.Label, WinsOutcome.Hire, Proportions.Difference(b.Hired, b.Sent, hired - b.Hired, total - b.Sent)));
            }
        }
        var discovered = Proportions.Discoveries(tests.Select(t => t.Difference.PValue).ToList(), FalseDiscoveryRate);
        var verdicts = new Dictionary<(string, string, WinsOutcome), (RateDifference Difference, string Verdict)>();
        for (var i = 0; i < tests.Count; i++)
        {
            var t = tests[i];
            var verdict = discovered[i] && t.Difference.Low > 0 ? "raises" : discovered[i] && t.Difference.High < 0 ? "lowers" : "unclear";
            verdicts[(t.Attribute, t.Bucket, t.Outcome)] = (t.Difference, verdict);
        }

        WinsEffect Effect(string attribute, string label, WinsOutcome outcome, int count, int of)
        {
            var rate = Proportions.Wilson(count, of);
            return verdicts.TryGetValue((attribute, label, outcome), out var v) ? new WinsEffect(rate, v.Difference, v.Verdict) : new WinsEffect(rate, null, "too_few");
        }

        var attributes = raw.Select(a => new WinsAttribute(a.Attribute, Dimensions.Label(a.Attribute), a.Buckets
            .Select(b => new WinsBucket(b.Label, b.Sent, Effect(a.Attribute, b.Label, WinsOutcome.Reply, b.Replied, b.Sent), Effect(a.Attribute, b.Label, WinsOutcome.Hire, b.Hired, b.Sent)))
            .ToList())).ToList();
        var findings = attributes.SelectMany(a => a.Buckets.SelectMany(b => new[] { (b, WinsOutcome.Reply, b.Reply), (b, WinsOutcome.Hire, b.Hire) }
                .Where(x => x.Item3.Verdict is "raises" or "lowers")
                .Select(x => new WinsFinding(a.Key, b.Label, x.Item2, x.Item3.Verdict, b.Sent, x.Item3.Rate, x.Item3.VersusRest!, Sentence(a.Key, b.Label, x.Item2, x.Item3)))))
            .OrderByDescending(f => Math.Abs(f.VersusRest.Difference)).ThenBy(f => f.Attribute, StringComparer.Ordinal).ThenBy(f => f.Bucket, StringComparer.Ordinal).ToList();
        return new WhatWinsData(from, to, total, Proportions.Wilson(replied, total), Proportions.Wilson(hired, total), MinProposals, findings, attributes);
    }

    private static int Position(IReadOnlyList<string> order, string label)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i] == label) return i;
        return int.MaxValue;
    }

    /// <summary>Enough proposals on both sides, and a bucket one could act on.</summary>
    private static bool Testable(string label, int sent, int total) =>
        label != Dimensions.Unknown && sent >= MinProposals && total - sent >= MinProposals;

    private static string Sentence(string attribute, string bucket, WinsOutcome outcome, WinsEffect e)
    {
        var what = outcome == WinsOutcome.Reply ? "reply" : "hire";
        var d = e.VersusRest!;
        var (near, far) = (Math.Min(Math.Abs(d.Low), Math.Abs(d.High)), Math.Max(Math.Abs(d.Low), Math.Abs(d.High)));
        var rest = e.Rate.Rate - d.Difference;
        var times = rest > 0 ? $" ({e.Rate.Rate / rest:0.#}× the rest)" : "";
        return $"{Dimensions.Label(attribute)} “{bucket}”: {Percent(e.Rate.Rate)} {what} rate against {Percent(rest)} for your other proposals{times}, "
            + $"{(e.Verdict == "raises" ? "higher" : "lower")} by {Points(near)}–{Points(far)} percentage points (95% interval, {e.Rate.Of} proposals).";
    }

    private static string Points(double x) => (x * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double x) => (x * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
