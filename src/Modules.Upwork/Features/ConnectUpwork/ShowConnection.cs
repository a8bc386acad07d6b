using Modules.Upwork.Connections;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Searches;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>The user's Upwork connection as the settings page and <c>GET /api/v1/upwork/connection</c> show it: never a token.</summary>
internal sealed class ShowConnection(IDbContextFactory<AppDbContext> contexts, IConnectionShares shares, IOptions<UpworkOptions> options, TimeProvider time)
{
    public async Task<ConnectionView> RunAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.UpworkConnections().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == userId, ct);
        var searches = await db.SavedSearches().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var keys = searches.Select(s => UpworkSearchFilter.StateKey(s.FilterKey, userId)).Distinct().ToList();
        var states = await db.SyncStates().AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        var now = time.GetUtcNow();
        var views = searches.Select(s =>
        {
            states.TryGetValue(UpworkSearchFilter.StateKey(s.FilterKey, userId), out var st);
            return new SearchView(s.Id, s.Name, s.Query, s.Skills, s.JobType, s.ExperienceLevel, s.PaymentVerifiedOnly, s.AlertsEnabled,
                st?.LastRunAt, st?.LastSuccessAt, st?.LastError, st?.NextRunAt, st?.LastNewJobs, s.QuietFromHour, s.QuietToHour, s.HideRedFlagged);
        }).ToList();
        var demoActive = options.Value.Demo.Enabled && !await db.UpworkConnections().AnyAsync(ct);
        var sharedWithMe = await shares.SharedWithAsync(userId, ct);
        if (c is null) return new ConnectionView(options.Value.IsConfigured, false, null, views, demoActive, options.Value.EffectivePollInterval, sharedWithMe);
        var health = c.Status == ConnectionStatus.Reconnect ? "reconnect"
            : c.RefreshTokenExpiresAt is { } r && r < now ? "expired"
            : "healthy";
        return new ConnectionView(options.Value.IsConfigured, true,
            new AccountView(c.UpworkUserId, c.UpworkNid, c.UpworkName, c.UpworkEmail, c.OrganizationId, c.OrganizationName, health,
                c.AccessTokenExpiresAt, c.RefreshTokenExpiresAt, c.ConnectedAt, c.RefreshedAt, c.LastSyncAt, c.LastError, c.AlertsEnabled),
            views, demoActive, options.Value.EffectivePollInterval, sharedWithMe);
    }
}
