using Contracts.Identity;
using Modules.Analytics.Data;
using Modules.Analytics.Rollups;

namespace Modules.Analytics.Integrations;

/// <summary>
/// The Analytics module's part of a user's data export and erasure: the proposal facts it keeps about them, the daily
/// rollups summed from those facts, and their own jobs-found counts.
/// </summary>
internal sealed class AnalyticsPersonalData(IDbContextFactory<AppDbContext> contexts, ProposalRollups rollups) : IPersonalDataContributor
{
    public string Name => "analytics-proposal-facts";

    public async Task<object> ExportAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return new
        {
            facts = await db.ProposalFacts().AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.SubmittedAt).ToListAsync(ct),
            dailyRollups = await db.ProposalRollups().AsNoTracking().Where(r => r.UserId == userId)
                .OrderBy(r => r.Day).ThenBy(r => r.Dimension).ThenBy(r => r.Bucket).ToListAsync(ct),
        };
    }

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await rollups.EraseAsync(userId, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = DailyMetrics.JobsFoundBy(userId);   // the user's own "jobs found" counts
        await db.DailyMetrics().Where(m => m.Metric == found).ExecuteDeleteAsync(ct);
    }
}
