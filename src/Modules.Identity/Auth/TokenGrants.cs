using Microsoft.AspNetCore.Identity;
using Modules.Identity.Data;
using Modules.Identity.Features.ShowProfile;

namespace Modules.Identity.Auth;

/// <summary>Starts an API session for a user and hands out its first access and refresh tokens.</summary>
internal sealed class TokenGrants(TokenIssuer issuer, Sessions sessions, UserManager<AppUser> users, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task<AuthResult> StartSessionAsync(AppDbContext db, AppUser user, HttpContext http, CancellationToken ct)
    {
        var lifetime = TimeSpan.FromDays(options.Value.RefreshTokenDays);
        var session = sessions.Start(db, user.Id, SessionKinds.Api, http, lifetime);
        return await IssueAsync(db, user, session, ct);
    }

    /// <summary>Issues a fresh pair in an existing session (the refresh grant).</summary>
    public async Task<AuthResult> IssueAsync(AppDbContext db, AppUser user, Session session, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var refresh = TokenIssuer.NewRefreshToken();
        var refreshExpires = now.AddDays(options.Value.RefreshTokenDays);
        db.RefreshTokens().Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            SessionId = session.Id,
            UserId = user.Id,
            TokenHash = TokenIssuer.Hash(refresh),
            CreatedAt = now,
            ExpiresAt = refreshExpires,
        });
        session.LastSeenAt = now;
        session.ExpiresAt = refreshExpires;
        await db.SaveChangesAsync(ct);
        var roles = await users.GetRolesAsync(user);
        var access = issuer.IssueAccessToken(user, roles, session.Id);
        return new AuthResult(access.Token, "Bearer", access.ExpiresAt, refresh, refreshExpires, ShowProfile.ToProfile(user, roles));
    }
}

internal sealed record AuthResult(
    string AccessToken, string TokenType, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, UserProfile User);
