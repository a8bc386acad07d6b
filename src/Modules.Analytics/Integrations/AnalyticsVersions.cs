using System.Collections.Concurrent;
using Contracts.Upwork.Events;
using Microsoft.Extensions.Caching.Distributed;
using Modules.Analytics.Data;
using Shared.Events;

namespace Modules.Analytics.Integrations;

/// <summary>
/// A per-user version stamp in every dashboard cache key: bumping it makes every cached view of that user's numbers
/// stale at once, on every instance (the stamp lives in Redis when configured, in memory otherwise).
/// </summary>
internal sealed class AnalyticsVersions(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Guid, string> Local = new();
    private readonly IDistributedCache? _shared = services.GetService<IDistributedCache>();

    /// <summary>The stamp of the team view, bumped whenever anyone's proposals change.</summary>
    public static readonly Guid Team = Guid.Empty;

    private static string Key(Guid userId) => $"analytics_ver:{userId:N}";

    /// <summary>The stamp of everyone's views, bumped when the rollups are rebuilt.</summary>
    private static readonly Guid All = Guid.AllBitsSet;

    public async Task<string> GetAsync(Guid userId, CancellationToken ct) => $"{await StampAsync(All, ct)}.{await StampAsync(userId, ct)}";

    private async Task<string> StampAsync(Guid userId, CancellationToken ct) =>
        _shared is not null ? await _shared.GetStringAsync(Key(userId), ct) ?? "0" : Local.GetValueOrDefault(userId, "0");

    /// <summary>Makes every user's cached views stale (after a rebuild of the rollups).</summary>
    public Task BumpAllAsync(CancellationToken ct) => BumpAsync(All, ct);

    public async Task BumpAsync(Guid userId, CancellationToken ct)
    {
        var stamp = Guid.NewGuid().ToString("N")[..12];
        if (_shared is not null) await _shared.SetStringAsync(Key(userId), stamp, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(2) }, ct);
        else Local[userId] = stamp;
    }
}

/// <summary>A user's proposals changed: their dashboard is recomputed on the next read.</summary>
internal sealed class ForgetDashboardOnProposalChange(AnalyticsVersions versions) : IEventHandler<ProposalsChanged>
{
    public async Task HandleAsync(ProposalsChanged e, CancellationToken ct)
    {
        await versions.BumpAsync(e.UserId, ct);
        await versions.BumpAsync(AnalyticsVersions.Team, ct);
    }
}

/// <summary>Counts each new job into <c>jobs_found</c> for its day, so the number survives Upwork's 24-hour retention.</summary>
internal sealed class CountDiscoveredJob(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IEventHandler<JobPostingDiscovered>
{
    public async Task HandleAsync(JobPostingDiscovered e, CancellationToken ct)
    {
        await CountAsync(e, DailyMetrics.JobsFound, ct);
        if (e.Source == "demo") await CountAsync(e, DailyMetrics.DemoJobsFound, ct);
    }

    private async Task CountAsync(JobPostingDiscovered e, string metric, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(e.DiscoveredAt.UtcDateTime);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await db.DailyMetrics().FirstOrDefaultAsync(m => m.Day == day && m.Metric == metric, ct);
            if (row is null) db.DailyMetrics().Add(row = new DailyMetric { Day = day, Metric = metric });
            row.Value += 1;
            row.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another handler inserted the day's row first: read it again and add to it.
            }
        }
    }
}
