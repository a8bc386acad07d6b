using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork;
using FluentValidation;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Analytics.Data;
using Modules.Analytics.Integrations;
using Modules.Analytics.Periods;
using Modules.Analytics.Rollups;
using Modules.Analytics.Statistics;

namespace Modules.Analytics.Features.ShowDashboard;

/// <summary>
/// The user's dashboard: proposals from this module's daily rollups (kept by <see cref="ProposalRollups"/>), matches and AI
/// use asked of the Upwork and AI modules through their contracts (only the user's own), jobs found from this module's
/// daily counts, computed by <see cref="DashboardCalculator"/>. Cached 30 minutes (the analytics
/// lifetime of docs/specification.md §5) per user, period and profile, and dropped at once when the user's proposals change.
/// </summary>
internal sealed class ShowDashboard(
    IDbContextFactory<AppDbContext> contexts, IUpworkActivity upwork, IAiUsage ai, IMemberDirectory directory, IFreelancerProfiles profiles, HybridCache cache,
    AnalyticsVersions versions, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Whether the caller may ask for this profile's numbers: only their own, or in the team view (admins) any
    /// member's. Another user's or an unknown id is answered as not found, and never becomes a cache key.
    /// </summary>
    public async Task<bool> MayShowProfileAsync(Guid userId, Guid profileId, bool team, CancellationToken ct) =>
        team ? await profiles.ExistsAsync(profileId, ct) : await profiles.GetAsync(userId, profileId, ct) is not null;

    /// <summary>The caller's numbers, or with <see cref="DashboardQuery.Team"/> the workspace's (the endpoint checks the caller is an admin).</summary>
    public async Task<DashboardData> RunAsync(Guid userId, DashboardQuery query, CancellationToken ct)
    {
        var (from, to) = DashboardPeriod.Of(query, time);
        Guid? who = query.Team ? null : userId;
        var version = await versions.GetAsync(who ?? AnalyticsVersions.Team, ct);
        return await cache.GetOrCreateAsync($"analytics:{who?.ToString("N") ?? "team"}:{from:yyyyMMdd}:{to:yyyyMMdd}:{query.ProfileId:N}:{version}",
            async token => await ComputeAsync(who, from, to, query.ProfileId, token),
            new HybridCacheEntryOptions { Expiration = Ttl, LocalCacheExpiration = Ttl }, cancellationToken: ct);
    }

    private async Task<DashboardData> ComputeAsync(Guid? userId, DateOnly from, DateOnly to, Guid? profileId, CancellationToken ct)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var previousFrom = from.AddDays(-days);
        var matchesTask = upwork.MatchesPerDayAsync(userId, previousFrom, to, ct);
        var generationsTask = ai.GenerationsAsync(userId, Start(previousFrom), Start(to.AddDays(1)), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The caller's rows; the team's summed rows (one per day and bucket, however many members); or, for one profile
        // across the team, every member's rows of that profile.
        var rollups = db.ProposalRollups().AsNoTracking();
        rollups = (userId, profileId) switch
        {
            ({ } uid, null) => rollups.Where(r => r.UserId == uid),
            ({ } uid, { } pid) => rollups.Where(r => r.UserId == uid && r.ProfileId == pid),
            (null, { } pid) => rollups.Where(r => r.UserId != ProposalRollups.Team && r.ProfileId == pid),
            (null, null) => rollups.Where(r => r.UserId == ProposalRollups.Team),
        };
        // Summed in the database: per day only what the charts need per day, the breakdowns per bucket for the period.
        var perDay = await rollups.Where(r => r.Day >= previousFrom && r.Day <= to && (r.Dimension == Dimensions.Total || r.Dimension == Dimensions.HiredOn))
            .GroupBy(r => new { r.Day, r.Dimension })
            .Select(g => new ProposalRollup
            {
                Day = g.Key.Day, Dimension = g.Key.Dimension, Bucket = "",
                Sent = g.Sum(r => r.Sent), Viewed = g.Sum(r => r.Viewed), Replied = g.Sum(r => r.Replied), Hired = g.Sum(r => r.Hired),
                Connects = g.Sum(r => r.Connects), Revenue = g.Sum(r => r.Revenue),
            })
            .ToListAsync(ct);
        var perBucket = await rollups.Where(r => r.Day >= from && r.Day <= to && r.Dimension != Dimensions.Total && r.Dimension != Dimensions.HiredOn)
            .GroupBy(r => new { r.Dimension, r.Bucket })
            .Select(g => new ProposalRollup
            {
                Day = from, Dimension = g.Key.Dimension, Bucket = g.Key.Bucket,
                Sent = g.Sum(r => r.Sent), Hired = g.Sum(r => r.Hired), QualitySum = g.Sum(r => r.QualitySum), QualityCount = g.Sum(r => r.QualityCount),
            })
            .ToListAsync(ct);
        var facts = db.ProposalFacts().AsNoTracking().Where(f => userId == null || f.UserId == userId);
        var hasProposals = await (profileId is { } p ? facts.Where(f => f.ProfileId == p) : facts).AnyAsync(ct);
        IReadOnlyList<Breakdown>? members = null;
        if (userId is null)
        {
            var perUser = await db.ProposalRollups().AsNoTracking()
                .Where(r => r.UserId != ProposalRollups.Team && r.Dimension == Dimensions.Total && r.Day >= from && r.Day <= to && (profileId == null || r.ProfileId == profileId))
                .GroupBy(r => r.UserId).Select(g => new { UserId = g.Key, Sent = g.Sum(r => r.Sent), Hired = g.Sum(r => r.Hired) }).ToListAsync(ct);
            var names = await directory.NamesAsync(perUser.Select(u => u.UserId).ToList(), ct);
            members = perUser.Select(u => new Breakdown(names.GetValueOrDefault(u.UserId, "Former member"), u.Sent, u.Hired, Ratios.Rate(u.Hired, u.Sent)))
                .Where(b => b.Sent > 0).OrderByDescending(b => b.Sent).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        }
        // The team view counts every job the workspace found; a user's own view, the jobs that reached them and demo jobs.
        var foundMetric = userId is { } own ? DailyMetrics.JobsFoundBy(own) : DailyMetrics.JobsFound;
        var counts = await db.DailyMetrics().AsNoTracking()
            .Where(m => (m.Metric == foundMetric || m.Metric == DailyMetrics.DemoJobsFound) && m.Day >= previousFrom && m.Day <= to).ToListAsync(ct);
        var found = counts.Where(m => m.Metric == foundMetric || (userId is not null && m.Metric == DailyMetrics.DemoJobsFound))
            .GroupBy(m => m.Day).ToDictionary(g => g.Key, g => (int)g.Sum(m => m.Value));
        var demo = (int)counts.Where(m => m.Metric == DailyMetrics.DemoJobsFound && m.Day >= from).Sum(m => m.Value);
        var period = new PeriodFacts([.. perDay, .. perBucket], await matchesTask, found, await generationsTask, hasProposals, members);
        return DashboardCalculator.Compute(from, to, period, options.Value.ConnectPriceUsd) with { DemoJobsFound = demo };
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
