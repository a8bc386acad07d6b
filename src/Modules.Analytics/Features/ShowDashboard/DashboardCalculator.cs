using System.Globalization;
using Contracts.Ai;
using Contracts.Upwork;

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

/// <summary>The raw material of one period, already limited to the user (and profile, when chosen).</summary>
internal sealed record PeriodFacts(
    IReadOnlyList<ProposalFact> Proposals, IReadOnlyDictionary<DateOnly, int> MatchesPerDay, IReadOnlyDictionary<DateOnly, int> JobsFoundPerDay,
    IReadOnlyList<GenerationFact> Generations);

/// <summary>
/// The dashboard's arithmetic, in one place and pure so a table of hand-computed cases can pin it down. Definitions (all
/// per UTC day, the period inclusive of both ends):
/// <list type="bullet">
/// <item><b>Sent</b>: proposals submitted in the period. <b>Viewed</b>, <b>replied</b> (interviewing, offered or hired) and
/// <b>hired</b> count those of the sent proposals that reached the stage (at any time since) — a cohort, so rates never exceed 100%.</item>
/// <item><b>View/reply/hire rate</b> = viewed/replied/hired ÷ sent; none when nothing was sent.</item>
/// <item><b>Connects spent</b>: on the proposals sent; their cost at the configured Connect price.</item>
/// <item><b>AI spend</b>: cost of the period's generations. <b>Cost per reply/hire</b> = (Connects cost + AI spend) ÷ replies/hires; none without any.</item>
/// <item><b>Revenue</b>: bid amounts of proposals hired in the period (for hourly jobs, the agreed hourly rate).</item>
/// <item><b>Win rate</b> by template, saved category, budget band, hour and weekday sent: hired ÷ sent within the bucket.</item>
/// </list>
/// </summary>
internal static class DashboardCalculator
{
    public static DashboardData Compute(DateOnly from, DateOnly to, PeriodFacts current, PeriodFacts previous, decimal connectPriceUsd)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var previousTo = from.AddDays(-1);
        var previousFrom = previousTo.AddDays(-(days - 1));
        var now = Totals(from, to, current, connectPriceUsd);
        var before = Totals(previousFrom, previousTo, previous, connectPriceUsd);

        var kpis = new List<Kpi>
        {
            new("jobs_found", "Jobs found", now.Found, before.Found, "count", "New jobs that arrived in the workspace."),
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

        var sent = SentIn(from, to, current.Proposals);
        var funnel = new List<FunnelStep>
        {
            new("found", "Found", (int)now.Found), new("matched", "Matched", (int)now.Matched), new("applied", "Applied", (int)now.Sent),
            new("viewed", "Viewed", (int)now.Viewed), new("replied", "Replied", (int)now.Replied), new("hired", "Hired", (int)now.Hired),
        };
        var weekly = Weeks(from, to).Select(w => new WeekPoint(w,
            current.Proposals.Count(p => p.SubmittedAt is { } s && Day(s) >= w && Day(s) < w.AddDays(7) && Day(s) >= from && Day(s) <= to),
            current.Proposals.Count(p => p.HiredAt is { } h && Day(h) >= w && Day(h) < w.AddDays(7) && Day(h) >= from && Day(h) <= to))).ToList();
        var winRates = new Dictionary<string, IReadOnlyList<Breakdown>>
        {
            ["template"] = By(sent, p => p.TemplateName ?? (p.AiGenerated ? "AI, no template" : "Written by hand")),
            ["category"] = By(sent, p => p.Category ?? "Unknown"),
            ["budget"] = By(sent, Band, BandOrder),
            ["hour"] = By(sent, p => p.SubmittedAt!.Value.UtcDateTime.Hour.ToString("00", CultureInfo.InvariantCulture) + ":00", HourOrder),
            ["weekday"] = By(sent, p => p.SubmittedAt!.Value.UtcDateTime.DayOfWeek.ToString(), WeekdayOrder),
        };
        var byJob = current.Generations.Where(g => g.JobPostingId is not null && g.QualityScore is not null && g.Kind == "cover_letter").ToLookup(g => g.JobPostingId!.Value);
        var wonScores = sent.Where(p => p.HiredAt is not null).SelectMany(p => byJob[p.JobPostingId]).Select(g => g.QualityScore!.Value).ToList();
        var lostScores = sent.Where(p => p.HiredAt is null).SelectMany(p => byJob[p.JobPostingId]).Select(g => g.QualityScore!.Value).ToList();
        var quality = new QualityOutcome(Avg(wonScores), Avg(lostScores), wonScores.Count + lostScores.Count);
        var any = current.Proposals.Count > 0 || now.Found > 0 || now.Matched > 0 || current.Generations.Count > 0;
        var inPeriod = current.Generations.Where(g => Day(g.CreatedAt) >= from && Day(g.CreatedAt) <= to).ToList();
        var daily = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(d => new DayPoint(d,
            current.JobsFoundPerDay.GetValueOrDefault(d), current.MatchesPerDay.GetValueOrDefault(d),
            current.Proposals.Count(p => p.SubmittedAt is { } s && Day(s) == d), current.Proposals.Count(p => p.HiredAt is { } h && Day(h) == d),
            current.Proposals.Where(p => p.HiredAt is { } h && Day(h) == d).Sum(p => p.BidAmount ?? 0),
            inPeriod.Count(g => Day(g.CreatedAt) == d), inPeriod.Where(g => Day(g.CreatedAt) == d).Sum(g => g.Cost ?? 0))).ToList();
        var ai = inPeriod.GroupBy(g => g.Provider).Select(g => new ProviderUse(g.Key, g.Count(), g.Count(x => x.CacheHit), g.Sum(x => x.Cost ?? 0),
            Avg(g.Where(x => x.QualityScore is not null).Select(x => x.QualityScore!.Value).ToList()))).OrderByDescending(p => p.Generations).ToList();
        return new DashboardData(from, to, previousFrom, previousTo, kpis, funnel, weekly, winRates, quality, any, daily, ai);
    }

    private sealed record PeriodTotals(decimal Found, decimal Matched, decimal Sent, int Viewed, int Replied, int Hired, decimal Connects, decimal Spend, decimal Revenue, decimal Generations, decimal AiSpend);

    private static PeriodTotals Totals(DateOnly from, DateOnly to, PeriodFacts f, decimal connectPrice)
    {
        var sent = SentIn(from, to, f.Proposals);
        var connects = sent.Sum(p => p.ConnectsSpent ?? 0);
        var aiSpend = f.Generations.Where(g => Day(g.CreatedAt) >= from && Day(g.CreatedAt) <= to).Sum(g => g.Cost ?? 0);
        var revenue = f.Proposals.Where(p => p.HiredAt is { } h && Day(h) >= from && Day(h) <= to).Sum(p => p.BidAmount ?? 0);
        return new PeriodTotals(
            f.JobsFoundPerDay.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value),
            f.MatchesPerDay.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value),
            sent.Count, sent.Count(p => p.ViewedAt is not null), sent.Count(p => p.RepliedAt is not null), sent.Count(p => p.HiredAt is not null),
            connects, connects * connectPrice + aiSpend, revenue,
            f.Generations.Count(g => Day(g.CreatedAt) >= from && Day(g.CreatedAt) <= to), aiSpend);
    }

    private static List<ProposalFact> SentIn(DateOnly from, DateOnly to, IReadOnlyList<ProposalFact> proposals) =>
        proposals.Where(p => p.SubmittedAt is { } s && Day(s) >= from && Day(s) <= to).ToList();

    public static decimal? Rate(int part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4);

    public static decimal? Per(decimal amount, int count) => count == 0 ? null : Math.Round(amount / count, 2);

    private static decimal? Avg(List<decimal> values) => values.Count == 0 ? null : Math.Round(values.Average(), 2);

    private static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private static IEnumerable<DateOnly> Weeks(DateOnly from, DateOnly to)
    {
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (var w = monday; w <= to; w = w.AddDays(7)) yield return w;
    }

    private static IReadOnlyList<Breakdown> By(List<ProposalFact> sent, Func<ProposalFact, string> key, IReadOnlyList<string>? order = null)
    {
        var groups = sent.GroupBy(key).Select(g => new Breakdown(g.Key, g.Count(), g.Count(p => p.HiredAt is not null), Rate(g.Count(p => p.HiredAt is not null), g.Count())));
        return order is null ? groups.OrderByDescending(b => b.Sent).ThenBy(b => b.Label, StringComparer.Ordinal).ToList()
            : groups.OrderBy(b => order.ToList().IndexOf(b.Label) is var i and >= 0 ? i : int.MaxValue).ToList();
    }

    public static readonly IReadOnlyList<string> BandOrder = ["Under $100", "$100–499", "$500–1,999", "$2,000–9,999", "$10,000+", "Hourly", "Unknown"];

    private static readonly IReadOnlyList<string> HourOrder = Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture) + ":00").ToList();

    private static readonly IReadOnlyList<string> WeekdayOrder = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Fixed-price jobs by their budget (the top of the range); hourly jobs on their own.</summary>
    public static string Band(ProposalFact p)
    {
        if (p.JobType == "hourly") return "Hourly";
        var budget = p.BudgetMax ?? p.BudgetMin;
        return budget switch
        {
            null => "Unknown",
            < 100 => "Under $100",
            < 500 => "$100–499",
            < 2000 => "$500–1,999",
            < 10000 => "$2,000–9,999",
            _ => "$10,000+",
        };
    }
}
