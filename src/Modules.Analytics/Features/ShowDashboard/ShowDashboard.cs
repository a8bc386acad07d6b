using Contracts.Upwork;
using Modules.Analytics.Data;

namespace Modules.Analytics.Features.ShowDashboard;

/// <summary>The dashboard's headline numbers: jobs found (asked of the Upwork module) and the last 30 days of aggregates.</summary>
internal sealed class ShowDashboard(IDbContextFactory<AppDbContext> contexts, IUpworkJobs jobs, TimeProvider time)
{
    public async Task<DashboardSummary> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = today.AddDays(-29);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var days = await db.DailyMetrics().AsNoTracking().Where(m => m.Day >= since)
            .OrderBy(m => m.Day).ThenBy(m => m.Metric)
            .Select(m => new DailyValue(m.Day, m.Metric, m.Value))
            .ToListAsync(ct);
        return new DashboardSummary(await jobs.CountAsync(ct), since, today, days);
    }
}

internal sealed record DashboardSummary(int JobsFound, DateOnly From, DateOnly To, IReadOnlyList<DailyValue> Days);

internal sealed record DailyValue(DateOnly Day, string Metric, decimal Value);
