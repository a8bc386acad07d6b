using Contracts.Ai;
using Modules.Analytics.Data;
using Modules.Analytics.Rollups;
using static Modules.Analytics.Statistics.Ratios;

namespace Modules.Analytics.Features.ShowDashboard;

/// <summary>A headline number for the period, with the previous period's for comparison; null when it cannot be computed (e.g. a rate with nothing sent).</summary>
internal sealed record Kpi(string Key, string Label, decimal? Value, decimal? Previous, string Format, string Explanation);

/// <summary>One bar of a breakdown: proposals sent, won, and the win rate (null with nothing sent).</summary>
internal sealed record Breakdown(string Label, int Sent, int Won, decimal? WinRate);

/// <summary>One week: proposals sent and hires.</summary>
internal sealed record WeekPoint(DateOnly WeekStart, int Sent, int Hired);

internal sealed record FunnelStep(string Key, string Label, int Count);

/// <summary>One day of the period.</summary>
internal sealed record DayPoint(DateOnly Day, int Found, int Matched, int Sent, int Hired, decimal Revenue, int Generations, decimal AiSpend);

/// <summary>AI use per provider in the period.</summary>
internal sealed record ProviderUse(string Provider, int Generations, int CacheHits, decimal Spend, decimal? AverageQuality);

/// <summary>Everything the dashboard shows for one period.</summary>
internal sealed record DashboardData(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, IReadOnlyList<Kpi> Kpis, IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<WeekPoint> Weekly, IReadOnlyDictionary<string, IReadOnlyList<Breakdown>> WinRates, QualityOutcome Quality, bool HasAnyData,
    IReadOnlyList<DayPoint> Daily, IReadOnlyList<ProviderUse> Ai, int DemoJobsFound = 0);

/// <summary>Average letter quality of proposals that won and that did not (null when there are none).</summary>
internal sealed record QualityOutcome(decimal? Won, decimal? NotWon, int Letters);

/// <summary>
/// The raw material of a period and the one before it, already limited to the user (or team) and profile: the daily
/// proposal rollups, matches and jobs found per day, and AI generations; <paramref name="Members"/> only in the team view.
/// </summary>
internal sealed record PeriodFacts(
    IReadOnlyList<ProposalRollup> Rollups, IReadOnlyDictionary<DateOnly, int> MatchesPerDay, IReadOnlyDictionary<DateOnly, int> JobsFoundPerDay,
    IReadOnlyList<GenerationFact> Generations, bool HasProposals, IReadOnlyList<Breakdown>? Members = null);

/// <summary>
/// The dashboard's arithmetic, in one place and pure so a table of hand-computed cases can pin it down. It reads daily
/// rollups (see <see cref="RollupBuilder"/>). Definitions (all per UTC day, the period inclusive of both ends):
/// <list type="bullet">
/// <item><b>Sent</b>: proposals submitted in the period. <b>Viewed</b>, <b>replied</b> (interviewing, offered or hired) and
/// <b>hired</b> count those of the sent proposals that reached the stage (at any time since) — a cohort, so rates never exceed 100%.</item>
/// <item><b>View/reply/hire rate</b> = viewed/replied/hired ÷ sent; none when nothing was sent.</item>
/// <item><b>Connects spent</b>: on the proposals sent; their cost at the configured Connect price.</item>
/// <item><b>AI spend</b>: cost of the period's generations. <b>Cost per reply/hire</b> = (Connects cost + AI spend) ÷ replies/hires; none without any.</item>
/// <item><b>Revenue</b>: bid amounts of proposals hired in the period (for hourly jobs, the agreed hourly rate).</item>
/// <item><b>Win rate</b> by template, saved search, category, budget band, how fast you applied, how fast the client
/// responded, hour and weekday sent (and team member): hired ÷ sent within the bucket.</item>
/// </list>
/// </summary>
internal static class DashboardCalculator
{
    public static DashboardData Compute(DateOnly from, DateOnly to, PeriodFacts facts, decimal connectPriceUsd)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var previousTo = from.AddDays(-1);
        var previousFrom = previousTo.AddDays(-(days - 1));
        var now = Totals(from, to, facts, connectPriceUsd);
        var before = Totals(previousFrom, previousTo, facts, connectPriceUsd);

        var kpis = new List<Kpi>
        {
            new("jobs_found", "Jobs found", now.Found, before.Found, "count", "New jobs that reached you: found by your own Upwork connection, pasted, sent by your webhooks, or from the demo feed (the team view counts the whole workspace)."),
            new("jobs_matched", "Jobs matched", now.Matched, before.Matched, "count", "Jobs that matched one of your saved searches."),
            new("proposals_sent", "Proposals sent", now.Sent, before.Sent, "count", "Proposals submitted in the period."),
            new("view_rate", "View rate", Rate(now.Viewed, now.Sent), Rate(before.Viewed, before.Sent), "percent", "Sent proposals the client opened."),
            new("reply_rate", "Reply rate", Rate(now.Replied, now.Sent), Rate(before.Replied, before.Sent), "percent", "Sent proposals that led to an interview, offer or hire."),
            new("hire_rate", "Hire rate", Rate(now.Hired, now.Sent), Rate(before.Hired, before.Sent), "percent", "Sent proposals that were hired."),
            new("connects_spent", "Connects spent", now.Connects, before.Connects, "count", "Connects on the proposals sent."),
            new("cost_per_reply", "Cost per reply", Per(now.Spend, now.Replied), Per(before.Spend, before.Replied), "usd", "Connects cost plus AI spend, per reply."),
            new("cost_per_hire", "Cost per hire", Per(now.Spend, now.Hired), Per(before.Spend, before.Hired), "usd", "Connects cost plus AI spend, per hire."),
            new("revenue", "Revenue", now.Revenue, before.Revenue, "usd", "Bid amounts of proposals hired in the period."),
            new("ai_generations", "AI letters", now.Generations, before.Generations, "count", "Letters and analyses written (cached ones included)."),
            new("ai_spend", "AI spend", now.AiSpend, before.AiSpend, "usd", "What the AI providers charged."),
        };

        var funnel = new List<FunnelStep>
        {
            new("found", "Found", (int)now.Found), new("matched", "Matched", (int)now.Matched), new("applied", "Applied", (int)now.Sent),
            new("viewed", "Viewed", now.Viewed), new("replied", "Replied", now.Replied), new("hired", "Hired", now.Hired),
        };
        var inPeriod = facts.Rollups.Where(r => r.Day >= from && r.Day <= to).ToList();
        var sentPerDay = inPeriod.Where(r => r.Dimension == Dimensions.Total).GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Sum(r => r.Sent));
        var hiresPerDay = inPeriod.Where(r => r.Dimension == Dimensions.HiredOn).GroupBy(r => r.Day)
            .ToDictionary(g => g.Key, g => (Hired: g.Sum(r => r.Hired), Revenue: g.Sum(r => r.Revenue)));
        var weekly = Weeks(from, to).Select(w => new WeekPoint(w,
            sentPerDay.Where(d => d.Key >= w && d.Key < w.AddDays(7)).Sum(d => d.Value),
            hiresPerDay.Where(d => d.Key >= w && d.Key < w.AddDays(7)).Sum(d => d.Value.Hired))).ToList();
        var winRates = Dimensions.Breakdowns.ToDictionary(d => d, d => By(inPeriod.Where(r => r.Dimension == d), Dimensions.Order(d)));
        if (facts.Members is { } members) winRates["member"] = members;
        var quality = inPeriod.Where(r => r.Dimension == Dimensions.Quality).ToList();
        decimal? Mean(string bucket)
        {
            var rows = quality.Where(r => r.Bucket == bucket).ToList();
            var n = rows.Sum(r => r.QualityCount);
            return n == 0 ? null : Math.Round(rows.Sum(r => r.QualitySum) / n, 2);
        }
        var qualityOutcome = new QualityOutcome(Mean("won"), Mean("not_won"), quality.Sum(r => r.QualityCount));
        var any = facts.HasProposals || now.Found > 0 || now.Matched > 0 || facts.Generations.Count > 0;
        var generations = facts.Generations.Where(g => Day(g.CreatedAt) >= from && Day(g.CreatedAt) <= to).ToList();
        var daily = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(d => new DayPoint(d,
            facts.JobsFoundPerDay.GetValueOrDefault(d), facts.MatchesPerDay.GetValueOrDefault(d), sentPerDay.GetValueOrDefault(d),
            hiresPerDay.GetValueOrDefault(d).Hired, hiresPerDay.GetValueOrDefault(d).Revenue,
            generations.Count(g => Day(g.CreatedAt) == d), generations.Where(g => Day(g.CreatedAt) == d).Sum(g => g.Cost ?? 0))).ToList();
        var ai = generations.GroupBy(g => g.Provider).Select(g => new ProviderUse(g.Key, g.Count(), g.Count(x => x.CacheHit), g.Sum(x => x.Cost ?? 0),
            Avg(g.Where(x => x.QualityScore is not null).Select(x => x.QualityScore!.Value).ToList()))).OrderByDescending(p => p.Generations).ToList();
        return new DashboardData(from, to, previousFrom, previousTo, kpis, funnel, weekly, winRates, qualityOutcome, any, daily, ai);
    }

    private sealed record PeriodTotals(decimal Found, decimal Matched, decimal Sent, int Viewed, int Replied, int Hired, decimal Connects, decimal Spend, decimal Revenue, decimal Generations, decimal AiSpend);

    private static PeriodTotals Totals(DateOnly from, DateOnly to, PeriodFacts f, decimal connectPrice)
    {
        var total = f.Rollups.Where(r => r.Dimension == Dimensions.Total && r.Day >= from && r.Day <= to).ToList();
        var connects = total.Sum(r => r.Connects);
        var aiSpend = f.Generations.Where(g => Day(g.CreatedAt) >= from && Day(g.CreatedAt) <= to).Sum(g => g.Cost ?? 0);
        var revenue = f.Rollups.Where(r => r.Dimension == Dimensions.HiredOn && r.Day >= from && r.Day <= to).Sum(r => r.Revenue);
        return new PeriodTotals(
            f.JobsFoundPerDay.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value),
            f.MatchesPerDay.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value),
            total.Sum(r => r.Sent), total.Sum(r => r.Viewed), total.Sum(r => r.Replied), total.Sum(r => r.Hired),
            connects, connects * connectPrice + aiSpend, revenue,
            f.Generations.Count(g => Day(g.CreatedAt) >= from && Day(g.CreatedAt) <= to), aiSpend);
    }

    public static decimal? Per(decimal amount, int count) => count == 0 ? null : Math.Round(amount / count, 2);

    private static decimal? Avg(List<decimal> values) => values.Count == 0 ? null : Math.Round(values.Average(), 2);

    private static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private static IEnumerable<DateOnly> Weeks(DateOnly from, DateOnly to)
    {
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (var w = monday; w <= to; w = w.AddDays(7)) yield return w;
    }

    /// <summary>Sent and won per bucket: the biggest first, or in <paramref name="order"/> when the buckets have one.</summary>
    public static IReadOnlyList<Breakdown> By(IEnumerable<ProposalRollup> rows, IReadOnlyList<string>? order = null)
    {
        var groups = rows.GroupBy(r => r.Bucket).Select(g => new Breakdown(g.Key, g.Sum(r => r.Sent), g.Sum(r => r.Hired), Rate(g.Sum(r => r.Hired), g.Sum(r => r.Sent))))
            .Where(b => b.Sent > 0);
        if (order is null) return groups.OrderByDescending(b => b.Sent).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        var rank = order.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        return groups.OrderBy(b => rank.GetValueOrDefault(b.Label, int.MaxValue)).ToList();
    }
}
