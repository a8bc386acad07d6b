using Contracts.Identity;
using Modules.Analytics.Data;
using Modules.Analytics.Features.Rollups;

namespace Modules.Analytics.Integrations;

/// <summary>The Analytics module's part of a user's data export and erasure: the proposal facts it keeps about them.</summary>
internal sealed class AnalyticsPersonalData(IDbContextFactory<AppDbContext> contexts, ProposalRollups rollups) : IPersonalDataContributor
{
    public string Name => "analytics-proposal-facts";

    public async Task<object> ExportAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ProposalFacts().AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.SubmittedAt).ToListAsync(ct);
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) => rollups.EraseAsync(userId, ct);
}
