using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Analytics.Features.ExportCsv;
using Modules.Analytics.Periods;
using Modules.Analytics.Statistics;

namespace Modules.Analytics.Features.ShowBidderNumbers;

/// <summary>
/// The team view's per-bidder rows and the review queue's numbers (docs/features.md, "Numbers per bidder"), for a
/// period as the dashboard reads it. Read live from the Upwork and AI modules through their contracts: the numbers are
/// small (one row per member) and a reviewer wants the queue as it is now.
/// </summary>
internal sealed class ShowBidderNumbers(ITeamActivity team, IAiUsage ai, IMemberDirectory members, TimeProvider time)
{
    public async Task<BidderNumbers> RunAsync(DashboardQuery query, CancellationToken ct)
    {
        var (from, to) = DashboardPeriod.Of(query, time);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var activity = await team.ForPeriodAsync(start, end, ct);
        var spend = await ai.SpendPerUserAsync(start, end, ct);
        var ids = activity.Bidders.Select(b => b.UserId).Concat(spend.Keys).Distinct().ToList();
        var names = await members.NamesAsync(ids, ct);
        var rows = ids.Select(id =>
        {
            var b = activity.Bidders.FirstOrDefault(x => x.UserId == id) ?? new BidderActivity(id, 0, 0, 0, 0, 0, 0, 0, null);
            return new BidderRow(id, names.GetValueOrDefault(id, "Former member"), b.Claimed, b.Drafted, b.Sent, b.Decisions,
                Round(b.MedianTurnaroundMinutes), b.Replied, b.Hired, Ratios.Rate(b.Replied, b.Sent), Ratios.Rate(b.Hired, b.Sent),
                b.ConnectsSpent, Math.Round(spend.GetValueOrDefault(id), 4));
        }).OrderByDescending(r => r.Sent).ThenByDescending(r => r.Drafted).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var q = activity.Queue;
        return new BidderNumbers(from, to, rows, new QueueNumbers(q.Waiting, q.Decisions, Round(q.MedianDecisionMinutes)));
    }

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1) : null;
}

/// <summary>The period's per-bidder rows and the review queue's numbers.</summary>
internal sealed record BidderNumbers(DateOnly From, DateOnly To, IReadOnlyList<BidderRow> Bidders, QueueNumbers Queue);

/// <summary>
/// One member's period: jobs claimed, letters drafted, proposals sent, review decisions on their letters and the median
/// minutes to them, replies and hires among the proposals sent (and their rates, 0–1), Connects and AI spend (USD).
/// </summary>
internal sealed record BidderRow(
    Guid UserId, string Name, int Claimed, int Drafted, int Sent, int Reviewed, double? MedianTurnaroundMinutes,
    int Replied, int Hired, decimal? ReplyRate, decimal? HireRate, int ConnectsSpent, decimal AiSpend);

/// <summary>Letters waiting for review now, and the period's decisions with the median minutes to decision.</summary>
internal sealed record QueueNumbers(int Waiting, int Decisions, double? MedianDecisionMinutes);

internal static class BidderNumbersEndpoints
{
    public static RouteGroupBuilder MapBidderNumbers(this RouteGroupBuilder api)
    {
        api.MapGet("/team/bidders", async ([AsParameters] DashboardQuery q, string? format, ShowBidderNumbers numbers, CancellationToken ct) =>
            {
                var d = await numbers.RunAsync(q, ct);
                return format == "csv"
                    ? CsvExport.File("bidders", ["bidder", "claimed", "drafted", "sent", "reviewed", "median_turnaround_min", "reply_rate", "hire_rate", "connects", "ai_spend_usd"],
                        d.Bidders.Select(b => new object?[] { b.Name, b.Claimed, b.Drafted, b.Sent, b.Reviewed, b.MedianTurnaroundMinutes, b.ReplyRate, b.HireRate, b.ConnectsSpent, b.AiSpend }))
                    : ApiResults.Ok(d);
            })
           .Validate<DashboardQuery>().RequireAuthorization(Permissions.TeamRead)
           .WithSummary("Per bidder for the period: jobs claimed, letters drafted, sent, approval turnaround, reply and hire rates, Connects and AI spend; and the review queue (waiting, median time to decision)");
        return api;
    }
}
