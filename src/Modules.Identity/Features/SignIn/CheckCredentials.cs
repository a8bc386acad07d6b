using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.SignIn;

/// <summary>
/// Checks an email and password for both the sign-in page and <c>POST /api/v1/auth/login</c>: lockout after
/// repeated failures, inactive accounts refused, the same answer for an unknown email as for a wrong password.
/// </summary>
internal sealed class CheckCredentials(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, TimeProvider time)
{
    public async Task<CredentialCheck> RunAsync(AppDbContext db, string email, string password, HttpContext? http, CancellationToken ct)
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

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var tracked = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
            tracked.LastLogin = time.GetUtcNow();
            audit.Add(db, user.Id, AuditLog.SignedIn, null, http);
            await db.SaveChangesAsync(ct);
            return new(CredentialStatus.Valid, user, null);
        }
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            audit.Add(db, user.Id, AuditLog.LockedOut, null, http);
            await db.SaveChangesAsync(ct);
            return new(CredentialStatus.LockedOut, user, until);
        }
        // Identity answers "not allowed" (unconfirmed e-mail) before looking at the password: say so only to the right password.
        var notAllowed = result.IsNotAllowed && await users.CheckPasswordAsync(user, password);
        audit.Add(db, user.Id, AuditLog.SignInFailed, notAllowed ? "e-mail not confirmed" : "wrong password", http);
        await db.SaveChangesAsync(ct);
        return new(notAllowed ? CredentialStatus.NotAllowed : CredentialStatus.Invalid, user, null);
    }
}

internal enum CredentialStatus { Valid, Invalid, LockedOut, Deactivated, NotAllowed }

internal sealed record CredentialCheck(CredentialStatus Status, AppUser? User, DateTimeOffset? LockedUntil)
{
    public string Message(TimeProvider time) => Status switch
    {
        CredentialStatus.Invalid => "Email or password is incorrect",
        CredentialStatus.LockedOut => $"Too many failed attempts: the account is locked for {Math.Max(1, (int)Math.Ceiling(((LockedUntil ?? time.GetUtcNow()) - time.GetUtcNow()).TotalMinutes))} more minute(s)",
        CredentialStatus.Deactivated => "This account has been deactivated. Ask your workspace admin.",
        CredentialStatus.NotAllowed => "Confirm your email address before signing in: follow the link in the e-mail we sent you",
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
