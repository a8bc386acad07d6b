using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.SignIn;

/// <summary>
/// Checks an email and password for both the sign-in page and <c>POST /api/v1/auth/login</c>: lockout after
/// repeated failures, inactive accounts refused, the same answer for an unknown email as for a wrong password.
/// A right password resets the failure count only for accounts without two-factor: for the others the count (which
/// wrong codes add to, <see cref="Features.TwoFactor.MfaSignIn"/>) is reset by the completed sign-in alone, so
/// "right password, six wrong codes, right password again, …" still ends in lockout.
/// </summary>
internal sealed class CheckCredentials(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, TimeProvider time,
    Features.TwoFactor.TwoFactor mfa, AuthThrottle throttle, PasswordHashGate gate)
{
    public async Task<CredentialCheck> RunAsync(AppDbContext db, string email, string password, HttpContext? http, CancellationToken ct)
    {
        if (!throttle.TryAttempt("email:" + email)) return new(CredentialStatus.Throttled, null, null);
        var (busy, check) = await gate.RunAsync(() => CheckAsync(db, email, password, http, ct), ct);
        return busy ? new(CredentialStatus.Busy, null, null) : check!;
    }

    private async Task<CredentialCheck> CheckAsync(AppDbContext db, string email, string password, HttpContext? http, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Spend the same hashing time as a real check, so response times do not reveal which emails exist.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            audit.Add(db, null, AuditLog.SignInFailed, "unknown email", http);
            await db.SaveChangesAsync(ct);
            return new(CredentialStatus.Invalid, null, null);
        }
        if (!user.IsActive) return new(CredentialStatus.Deactivated, user, null);
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(db, user, http, ct);

        if (await users.CheckPasswordAsync(user, password))
        {
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
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(db, user, http, ct);
        audit.Add(db, user.Id, AuditLog.SignInFailed, "wrong password", http);
        await db.SaveChangesAsync(ct);
        return new(CredentialStatus.Invalid, user, null);
    }

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
