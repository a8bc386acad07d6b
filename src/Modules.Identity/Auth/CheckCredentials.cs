using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Identity.Auth;

namespace Modules.Identity.Auth;

/// <summary>
/// Checks an email and password for both the sign-in page and <c>POST /api/v1/auth/login</c>: lockout after
/// repeated failures, inactive accounts refused. Someone who does not know the password learns nothing about the
/// address: an unknown email, a wrong password, a deactivated or unconfirmed account get the same answer after the
/// same work (one password hash), and an unknown email "locks" after as many failures as a real account would
/// (counted under a hash of the address, <see cref="AuthCounters"/>), so lockout is not an oracle either. Only the
/// right password earns the account's own state ("deactivated", "confirm your e-mail").
/// A right password resets the failure count only for accounts without two-factor: for the others the count (which
/// wrong codes add to, <see cref="MfaSignIn"/>) is reset by the completed sign-in alone, so
/// "right password, six wrong codes, right password again, …" still ends in lockout.
/// </summary>
internal sealed class CheckCredentials(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, TimeProvider time,
    TwoFactor mfa, AuthThrottle throttle, PasswordHashGate gate, AuthCounters counters, HybridCache cache, IOptions<AuthOptions> options)
{
    /// <summary>How long failures against an unknown address are remembered (a real account's count never expires).</summary>
    private static readonly TimeSpan UnknownFailureWindow = TimeSpan.FromDays(1);

    public async Task<CredentialCheck> RunAsync(AppDbContext db, string email, string password, HttpContext? http, CancellationToken ct)
    {
        if (!throttle.TryAttempt("email:" + email)) return new(CredentialStatus.Throttled, null, null);
        var (busy, check) = await gate.RunAsync(() => CheckAsync(db, email, password, http, ct), ct);
        return busy ? new(CredentialStatus.Busy, null, null) : check!;
    }

    private async Task<CredentialCheck> CheckAsync(AppDbContext db, string email, string password, HttpContext? http, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return await UnknownAsync(db, email, password, http, ct);
        if (await users.IsLockedOutAsync(user))
        {
            SpendHashingTime(password);
            return await LockedOutAsync(db, user, http, ct);
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            // The state of the account is told only to whoever knows its password.
            if (!user.IsActive) return new(CredentialStatus.Deactivated, user, null);
            // Identity answers "not allowed" (unconfirmed e-mail) only to the right password.
            if (!await signIn.CanSignInAsync(user))
            {
                audit.Add(db, user.Id, AuditLog.SignInFailed, "e-mail not confirmed", http);
                await db.SaveChangesAsync(ct);
                return new(CredentialStatus.NotAllowed, user, null);
            }
            if (!await mfa.IsEnabledAsync(user.Id, ct)) await users.ResetAccessFailedCountAsync(user);
            var tracked = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
            tracked.LastLogin = time.GetUtcNow();
            audit.Add(db, user.Id, AuditLog.SignedIn, null, http);
            await db.SaveChangesAsync(ct);
            return new(CredentialStatus.Valid, user, null);
        }
        // A deactivated account counts failures and locks like any other: otherwise "never locks" would mark it.
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(db, user, http, ct);
        audit.Add(db, user.Id, AuditLog.SignInFailed, "wrong password", http);
        await db.SaveChangesAsync(ct);
        return new(CredentialStatus.Invalid, user, null);
    }

    /// <summary>
    /// An address with no account, answered as an account with a wrong password would be: the same hashing time,
    /// and after <c>Auth:LockoutMaxFailedAttempts</c> failures the same "locked" answer for <c>Auth:LockoutMinutes</c>.
    /// </summary>
    private async Task<CredentialCheck> UnknownAsync(AppDbContext db, string email, string password, HttpContext? http, CancellationToken ct)
    {
        SpendHashingTime(password);
        audit.Add(db, null, AuditLog.SignInFailed, "unknown email", http);
        await db.SaveChangesAsync(ct);
        var key = "unknown-sign-in:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
        var lockKey = "identity:" + key + ":locked-until";
        var now = time.GetUtcNow();
        // A read that stores nothing: a flood of made-up addresses must not fill the cache.
        var lockedUntil = await cache.GetOrCreateAsync(lockKey, _ => ValueTask.FromResult(0L),
            new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite }, cancellationToken: ct);
        if (lockedUntil > now.UtcTicks) return new(CredentialStatus.LockedOut, null, new DateTimeOffset(lockedUntil, TimeSpan.Zero));
        var max = Math.Max(1, options.Value.LockoutMaxFailedAttempts);
        if (await counters.CountAsync(key, UnknownFailureWindow, ct) % max != 0) return new(CredentialStatus.Invalid, null, null);
        var lockout = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        var until = now + lockout;
        await cache.SetAsync(lockKey, until.UtcTicks, new HybridCacheEntryOptions { Expiration = lockout, LocalCacheExpiration = lockout }, cancellationToken: ct);
        return new(CredentialStatus.LockedOut, null, until);
    }

    /// <summary>One password hash, as a real check would cost, so the response time does not tell the paths apart.</summary>
    private void SpendHashingTime(string password) => users.PasswordHasher.HashPassword(new AppUser(), password);

    private async Task<CredentialCheck> LockedOutAsync(AppDbContext db, AppUser user, HttpContext? http, CancellationToken ct)
    {
        var until = await users.GetLockoutEndDateAsync(user);
        audit.Add(db, user.Id, AuditLog.LockedOut, null, http);
        await db.SaveChangesAsync(ct);
        return new(CredentialStatus.LockedOut, user, until);
    }
}

internal enum CredentialStatus { Valid, Invalid, LockedOut, Deactivated, NotAllowed, Throttled, Busy }

internal sealed record CredentialCheck(CredentialStatus Status, AppUser? User, DateTimeOffset? LockedUntil)
{
    public string Message(TimeProvider time) => Status switch
    {
        CredentialStatus.Invalid => "Email or password is incorrect",
        CredentialStatus.LockedOut => $"Too many failed attempts: the account is locked for {Math.Max(1, (int)Math.Ceiling(((LockedUntil ?? time.GetUtcNow()) - time.GetUtcNow()).TotalMinutes))} more minute(s)",
        CredentialStatus.Deactivated => "This account has been deactivated. Ask your workspace admin.",
        CredentialStatus.NotAllowed => "Confirm your email address before signing in: follow the link in the e-mail we sent you",
        CredentialStatus.Throttled => "Too many sign-in attempts for this account: wait a minute and try again",
        CredentialStatus.Busy => "The server is busy signing other people in: try again in a few seconds",
        _ => "Signed in",
    };
}

internal sealed record LoginRequest(string Email, string Password);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("email is required");
        RuleFor(r => r.Password).NotEmpty().WithMessage("password is required");
    }
}
