using Microsoft.Extensions.Caching.Hybrid;
using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>
/// Sessions: started at sign-in, checked on every authenticated request (cached briefly, so a revocation takes
/// effect within <see cref="CheckInterval"/> on every instance), revoked by the user, sign-out or token reuse.
/// </summary>
internal sealed class Sessions(IDbContextFactory<AppDbContext> contexts, HybridCache cache, Shared.Live.LiveUpdates live, TimeProvider time)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>Live topic announcing a revoked session to open circuits on every instance; payload: the session id.</summary>
    public const string RevokedTopic = "identity.session-revoked";

    public Session Start(AppDbContext db, Guid userId, string kind, HttpContext? http, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Kind = kind,
            Device = Truncate(http?.Request.Headers.UserAgent.ToString(), 300),
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Sessions().Add(session);
        return session;
    }

    /// <summary>Whether the session exists for this user and is neither revoked nor expired.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var state = await cache.GetOrCreateAsync(CacheKey(sessionId), async token =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            return await db.Sessions().AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new CachedSession(s.UserId, s.RevokedAt == null, s.ExpiresAt)).FirstOrDefaultAsync(token);
        }, new HybridCacheEntryOptions { Expiration = CheckInterval, LocalCacheExpiration = CheckInterval }, cancellationToken: ct);
        return state is not null && state.UserId == userId && state.NotRevoked && state.ExpiresAt > time.GetUtcNow();
    }

    /// <summary>Revokes one of the user's sessions; false when there is no such active session of theirs.</summary>
    public async Task<bool> RevokeAsync(AppDbContext db, Guid userId, Guid sessionId, string reason, CancellationToken ct)
    {
        var session = await db.Sessions().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct);
        if (session is null) return false;
        session.RevokedAt = time.GetUtcNow();
        session.RevokedReason = reason;
        return true;
    }

    /// <summary>Revokes every open session of the user (deactivation, password reset); returns their ids for <see cref="ForgetAsync"/>.</summary>
    public async Task<IReadOnlyList<Guid>> RevokeAllAsync(AppDbContext db, Guid userId, string reason, CancellationToken ct)
    {
        var open = await db.Sessions().Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var session in open) (session.RevokedAt, session.RevokedReason) = (now, reason);
        return open.Select(s => s.Id).ToList();
    }

    /// <summary>
    /// After a revocation has been saved: forgets cached state and (unless the device itself is signing out and
    /// already navigating away) tells open circuits of that session, on every instance, to sign out now.
    /// </summary>
    public async Task ForgetAsync(Guid sessionId, CancellationToken ct, bool signOutOpenPages = true)
    {
        await cache.RemoveAsync(CacheKey(sessionId), ct);
        if (signOutOpenPages) await live.PublishAsync(RevokedTopic, sessionId, ct);
    }

    private static string CacheKey(Guid sessionId) => $"identity:session:{sessionId:N}";

    private static string? Truncate(string? value, int max) => string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];

    private sealed record CachedSession(Guid UserId, bool NotRevoked, DateTimeOffset ExpiresAt);
}
