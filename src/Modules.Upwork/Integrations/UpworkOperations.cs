using Contracts.Upwork;
using Microsoft.EntityFrameworkCore;
using Modules.Upwork.Data;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Searches;
using Shared.Data;

namespace Modules.Upwork.Integrations;

/// <summary><see cref="IUpworkOperations"/> for the admin System page: the alert outbox and each saved search's last sync.</summary>
internal sealed class UpworkOperations(IDbContextFactory<AppDbContext> contexts) : IUpworkOperations
{
    public async Task<UpworkOperationsSnapshot> SnapshotAsync(int maxSearches, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = db.Set<AlertDelivery>().AsNoTracking().Where(d => d.DeliveredAt == null);
        var pendingCount = await pending.CountAsync(ct);
        var retrying = await pending.CountAsync(d => d.Attempts > 0, ct);
        var oldest = pendingCount == 0 ? null : await pending.OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);

        var searchCount = await db.SavedSearches().CountAsync(ct);
        var searches = await db.SavedSearches().AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.UserId, s.FilterKey, s.CreatedAt }).ToListAsync(ct);
        var keys = searches.Select(s => UpworkSearchFilter.StateKey(s.FilterKey, s.UserId)).Distinct().ToList();
        var states = await db.SyncStates().AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        var rows = searches
            .Select(s => (s, state: states.GetValueOrDefault(UpworkSearchFilter.StateKey(s.FilterKey, s.UserId))))
            .Select(p => new SearchSyncStatus(p.s.Id, p.s.Name, p.s.UserId, p.state?.LastRunAt, p.state?.LastSuccessAt, p.state?.NextRunAt,
                p.state?.LastError, p.state?.ConsecutiveFailures ?? 0))
            .OrderByDescending(r => r.ConsecutiveFailures > 0).ThenByDescending(r => r.LastRunAt ?? DateTimeOffset.MinValue)
            .Take(maxSearches)
            .ToList();
        return new UpworkOperationsSnapshot(pendingCount, retrying, oldest, searchCount, rows);
    }
}
