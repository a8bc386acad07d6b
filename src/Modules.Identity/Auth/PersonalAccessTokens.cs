using System.Security.Cryptography;
using System.Text;
using Contracts.Identity;
using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>
/// Personal access tokens (docs/mcp.md): issued with a name, scopes and an optional expiry; shown once; stored as a
/// SHA-256 hash; looked up on every request (no cache, so a revocation holds from the next request on every instance);
/// revoked by the user, an admin, or with every session of the user (deactivation, password reset); deleted with the account.
/// </summary>
internal sealed class PersonalAccessTokens(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    /// <summary>Every token starts with this, so the bearer scheme can tell it from a sign-in token.</summary>
    public const string SecretPrefix = "uat_";

    /// <summary>Last use is written at most this often per token.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Adds a new token to <paramref name="db"/>; the secret is returned once and never stored.</summary>
    public (PersonalAccessToken Row, string Secret) Issue(AppDbContext db, Guid userId, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name.Trim(),
            TokenHash = Hash(secret),
            Prefix = secret[..12],
            Scopes = string.Join(' ', AccessScopes.All.Where(scopes.Contains)),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.PersonalAccessTokens().Add(row);
        return (row, secret);
    }

    /// <summary>The active token with this secret whose owner is active, or null; records its last use.</summary>
    public async Task<AuthenticatedToken?> AuthenticateAsync(string secret, string? ipAddress, CancellationToken ct)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await (from t in db.PersonalAccessTokens().AsNoTracking()
                           join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                           where t.TokenHash == hash && t.RevokedAt == null && u.IsActive
                           select new { t.Id, t.UserId, t.Scopes, t.ExpiresAt, t.LastUsedAt, t.LastUsedIp, u.Email }).FirstOrDefaultAsync(ct);
        if (found is null || found.ExpiresAt is { } expires && expires <= now) return null;
        if (found.LastUsedAt is null || now - found.LastUsedAt >= LastUseResolution || found.LastUsedIp != ipAddress)
            await db.PersonalAccessTokens().Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now).SetProperty(t => t.LastUsedIp, ipAddress), ct);
        // The owner's roles travel with the token, so a token can do no more than its owner's role allows (a viewer's
        // token never writes); admin routes stay closed to tokens anyway, as they take no scope.
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ur.UserId == found.UserId
                           select r.Name!).ToListAsync(ct);
        return new AuthenticatedToken(found.Id, found.UserId, found.Email, found.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), roles);
    }

    /// <summary>Revokes one token of <paramref name="userId"/> (any user's when null: an admin); false when there is no such active token.</summary>
    public async Task<PersonalAccessToken?> RevokeAsync(AppDbContext db, Guid? userId, Guid tokenId, string reason, CancellationToken ct)
    {
        var token = await db.PersonalAccessTokens().FirstOrDefaultAsync(t => t.Id == tokenId && (userId == null || t.UserId == userId) && t.RevokedAt == null, ct);
        if (token is null) return null;
        (token.RevokedAt, token.RevokedReason) = (time.GetUtcNow(), reason);
        return token;
    }

    /// <summary>Revokes every open token of the user (with their sessions: deactivation, password reset).</summary>
    public async Task RevokeAllAsync(AppDbContext db, Guid userId, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var token in await db.PersonalAccessTokens().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct))
            (token.RevokedAt, token.RevokedReason) = (now, reason);
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Who a valid token speaks for, and what it may do.</summary>
internal sealed record AuthenticatedToken(Guid TokenId, Guid UserId, string? Email, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles);
