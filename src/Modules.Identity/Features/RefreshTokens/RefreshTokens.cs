using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Data;

namespace Modules.Identity.Features.RefreshTokens;

/// <summary>
/// The refresh grant with rotation: a valid token is spent and replaced; a token presented a second time is reuse
/// (it was stolen, or the client is broken), and revokes its whole family so neither copy works any more.
/// Spending is one conditional UPDATE (<c>… WHERE token_hash = @h AND used_at IS NULL</c>), so of several requests
/// racing with one token exactly one wins and mints a new pair; the others find it spent and are handled as reuse.
/// </summary>
internal sealed class RefreshTokens(TokenGrants grants, Sessions sessions, UserManager<AppUser> users, AuditLog audit, TimeProvider time)
{
    public async Task<(AuthResult? Result, string? Error)> RunAsync(AppDbContext db, string refreshToken, HttpContext http, CancellationToken ct)
    {
        var hash = TokenIssuer.Hash(refreshToken);
        var token = await db.RefreshTokens().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null) return (null, "The refresh token is not valid");
        var session = await db.Sessions().FirstAsync(s => s.Id == token.SessionId, ct);
        var now = time.GetUtcNow();

        if (token.UsedAt is not null) return await ReuseAsync(db, token, session, http, ct);
        if (token.ExpiresAt <= now || !session.IsActive(now)) return (null, "The session has ended; sign in again");
        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || !user.IsActive) return (null, "The account is not active");

        // The read above is only a hint: the database decides who spends the token. A racer that read "unused" too
        // updates no row here, and that is reuse like any other.
        var spent = await db.RefreshTokens().Where(t => t.Id == token.Id && t.TokenHash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (spent != 1) return await ReuseAsync(db, token, session, http, ct);
        return (await grants.IssueAsync(db, user, session, ct), null);
    }

    private async Task<(AuthResult? Result, string? Error)> ReuseAsync(AppDbContext db, RefreshToken token, Session session, HttpContext http, CancellationToken ct)
    {
        if (await sessions.RevokeAsync(db, token.UserId, session.Id, "refresh token reuse", ct))
            audit.Add(db, token.UserId, AuditLog.RefreshReuse, $"session {session.Id}", http);
        await db.SaveChangesAsync(ct);
        await sessions.ForgetAsync(token.UserId, session.Id, ct);
        return (null, "This refresh token was already used. The session has been signed out for safety; sign in again.");
    }
}

internal sealed record RefreshRequest(string RefreshToken);

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().WithMessage("refreshToken is required").MaximumLength(200).WithMessage("refreshToken is not valid");
}
