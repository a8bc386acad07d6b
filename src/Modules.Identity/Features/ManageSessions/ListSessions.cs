using Modules.Identity.Auth;

namespace Modules.Identity.Features.ManageSessions;

/// <summary>The user's active sessions (devices), newest activity first, marking the one making the request.</summary>
internal sealed class ListSessions(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<SessionRow>> RunAsync(Guid userId, Guid? currentSessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Data.IdentityDb.Sessions(db).AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .Select(s => new { s.Id, s.Kind, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt })
            .ToListAsync(ct);
        return rows.Where(s => s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.Id, s.Kind, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == currentSessionId))
            .ToList();
    }
}

internal sealed record SessionRow(Guid Id, string Kind, string? Device, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
