using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Auth;

/// <summary>
/// The second step of a sign-in, for the page and <c>POST /api/v1/auth/login/mfa</c> alike: at most
/// <see cref="CodesPerChallenge"/> codes per challenge (then a new password step), every wrong code counted
/// toward account lockout, a locked account refused even with the right code, and only a completed sign-in resetting
/// the failure count.
/// </summary>
internal sealed class MfaSignIn(TwoFactor mfa, AuthCounters counters, AuthThrottle throttle, UserManager<AppUser> users,
    AuditLog audit, IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Codes checked per challenge; the next one needs a new password step.</summary>
    public const int CodesPerChallenge = 5;

    public async Task<MfaResult> RunAsync(string? challenge, string? code, HttpContext? http, CancellationToken ct)
    {
        if (mfa.ReadChallenge(challenge) is not { } ticket) return new(MfaOutcome.NewSignInNeeded, null, null);
        if (!throttle.TryAttempt("user:" + ticket.UserId.ToString("N"))) return new(MfaOutcome.Throttled, null, null);
        if (await counters.CountAsync($"mfa-challenge:{ticket.ChallengeId:N}", TwoFactor.ChallengeLifetime, ct) > CodesPerChallenge)
        {
            await AuditAsync(ticket.UserId, "mfa_failed", "too many codes for one challenge", http, ct);
            return new(MfaOutcome.NewSignInNeeded, null, null);
        }
        var user = await users.FindByIdAsync(ticket.UserId.ToString());
        if (user is null || !user.IsActive) return new(MfaOutcome.Inactive, null, null);
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(user, http, ct);
        if (!await mfa.VerifyAndSpendAsync(user.Id, code ?? "", http, ct))
        {
            user = await CountFailureAsync(user);
            return await users.IsLockedOutAsync(user) ? await LockedOutAsync(user, http, ct) : new(MfaOutcome.WrongCode, user, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new(MfaOutcome.Passed, user, null);
    }

    // Parallel wrong codes race on the user's concurrency stamp: re-read and count again, so none goes uncounted.
    private async Task<AppUser> CountFailureAsync(AppUser user)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if ((await users.AccessFailedAsync(user)).Succeeded) return user;
            user = await users.FindByIdAsync(user.Id.ToString()) ?? user;
        }
        return user;
    }

    private async Task<MfaResult> LockedOutAsync(AppUser user, HttpContext? http, CancellationToken ct)
    {
        await AuditAsync(user.Id, AuditLog.LockedOut, "two-factor step", http, ct);
        return new(MfaOutcome.LockedOut, user, await users.GetLockoutEndDateAsync(user));
    }

    private async Task AuditAsync(Guid userId, string action, string detail, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        audit.Add(db, userId, action, detail, http);
        await db.SaveChangesAsync(ct);
    }
}

internal enum MfaOutcome { Passed, WrongCode, NewSignInNeeded, LockedOut, Throttled, Inactive }

internal sealed record MfaResult(MfaOutcome Outcome, AppUser? User, DateTimeOffset? LockedUntil)
{
    public string Message(TimeProvider time) => Outcome switch
    {
        MfaOutcome.WrongCode => "The code is not right, or was already used. Wait for the next code and try again.",
        MfaOutcome.NewSignInNeeded => "This sign-in has expired or had too many wrong codes: enter your email and password again.",
        MfaOutcome.LockedOut => new CredentialCheck(CredentialStatus.LockedOut, User, LockedUntil).Message(time),
        MfaOutcome.Throttled => "Too many sign-in attempts for this account: wait a minute and try again",
        MfaOutcome.Inactive => "The account is not active",
        _ => "Signed in",
    };
}
