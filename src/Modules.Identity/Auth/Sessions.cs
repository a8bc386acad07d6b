using Microsoft.Extensions.Caching.Hybrid;
using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>
/// Sessions: started at sign-in, checked on every authenticated request (cached briefly, so a revocation takes
/// effect within <see cref="CheckInterval"/> on every instance), revoked by the user, sign-out or token reuse.
/// </summary>
internal sealed class Sessions(IDbContextFactory<AppDbContext> contexts, HybridCache cache, Shared.Live.LiveUpdates live, PersonalAccessTokens tokens, TimeProvider time)
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

    /// <summary>
    /// Whether the session exists for this user and is neither revoked nor expired. The user's sessions are cached
    /// together under <c>session:{user_id}</c> (the key of docs/specification.md §5; in Redis when configured); a session id missing from
    /// the cached list (one started since) reloads the list once.
    /// </summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var sessions = await LoadAsync(userId, ct);
        if (!sessions.Any(s => s.Id == sessionId))
        {
            await cache.RemoveAsync(CacheKey(userId), ct);
            sessions = await LoadAsync(userId, ct);
        }
        var state = sessions.FirstOrDefault(s => s.Id == sessionId);
        if (state is null)
        {
            // Still missing: the reload may have joined a load that began before this session was stored (the cache lets
            // concurrent callers share one load). Ask the database itself, so a brand-new session is never taken for a revoked one.
            await using var db = await contexts.CreateDbContextAsync(ct);
            state = await db.Sessions().AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
                .Select(s => new CachedSession(s.Id, s.RevokedAt == null, s.ExpiresAt)).FirstOrDefaultAsync(ct);
            if (state is not null) await cache.RemoveAsync(CacheKey(userId), ct);
        }
        return state is not null && state.NotRevoked && state.ExpiresAt > time.GetUtcNow();
    }

    private async Task<IReadOnlyList<CachedSession>> LoadAsync(Guid userId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(CacheKey(userId), async token =>
        {
            var now = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(token);
            // Revoked ones too (until they expire), so a revoked cookie is answered from the cache.
            return await db.Sessions().AsNoTracking().Where(s => s.UserId == userId && s.ExpiresAt > now)
                .Select(s => new CachedSession(s.Id, s.RevokedAt == null, s.ExpiresAt)).ToListAsync(token);
        }, new HybridCacheEntryOptions { Expiration = CheckInterval, LocalCacheExpiration = CheckInterval }, cancellationToken: ct);

    /// <summary>Revokes one of the user's sessions; false when there is no such active session of theirs.</summary>
    public async Task<bool> RevokeAsync(AppDbContext db, Guid userId, Guid sessionId, string reason, CancellationToken ct)
    {
        var session = await db.Sessions().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct);
        if (session is null) return false;
        session.RevokedAt = time.GetUtcNow();
        session.RevokedReason = reason;
        return true;
    }

    /// <summary>
    /// Revokes every open session of the user (deactivation, password reset, signing out everywhere) and every personal
    /// access token with them; returns the sessions' ids for <see cref="ForgetAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RevokeAllAsync(AppDbContext db, Guid userId, string reason, CancellationToken ct)
    {
        await tokens.RevokeAllAsync(db, userId, reason, ct);
        var open = await db.Sessions().Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var session in open) (session.RevokedAt, session.RevokedReason) = (now, reason);
        return open.Select(s => s.Id).ToList();
    }

    /// <summary>
    /// After a revocation has been saved: forgets cached state and (unless the device itself is signing out and
    /// already navigating away) tells open circuits of that session, on every instance, to sign out now.
    /// </summary>
    public async Task ForgetAsync(Guid userId, Guid sessionId, CancellationToken ct, bool signOutOpenPages = true)
    {
        await cache.RemoveAsync(CacheKey(userId), ct);
        if (signOutOpenPages) await live.PublishAsync(RevokedTopic, sessionId, ct);
    }

    internal static string CacheKey(Guid userId) => $"session:{userId:N}";

    private static string? Truncate(string? value, int max) => string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];

    private sealed record CachedSession(Guid Id, bool NotRevoked, DateTimeOffset ExpiresAt);
}
