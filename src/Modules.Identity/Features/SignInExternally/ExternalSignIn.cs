using Contracts.Identity;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Registration;

namespace Modules.Identity.Features.SignInExternally;

/// <summary>
/// Sign-in through an external provider (Upwork). Accounts are matched by the provider's user id only (the Identity
/// logins table), never by e-mail, so nobody can take over an existing account by owning an Upwork account with the
/// same address. Accounts with two-factor on must sign in with their password and code.
/// </summary>
internal sealed class ExternalSignIn(
    IDbContextFactory<AppDbContext> contexts,
    UserManager<AppUser> users,
    IRegisterAccounts register,
    StartBrowserSession browserSession,
    AuditLog audit,
    IHttpContextAccessor accessor,
    TwoFactor twoFactor) : IExternalSignIn
{
    public async Task<ExternalAccountResult> FindOrRegisterAsync(string provider, string providerKey, string email, string displayName, CancellationToken ct)
    {
        var linked = await users.FindByLoginAsync(provider, providerKey);
        if (linked is not null)
        {
            if (!linked.IsActive) return new(null, false, "This account is deactivated. Ask your workspace admin.") { ErrorCode = "deactivated" };
            // Two-factor lives in our own table (not Identity's flag): an external sign-in must not skip the second factor.
            if (await twoFactor.IsEnabledAsync(linked.Id, ct))
                return new(null, false, "This account uses two-factor authentication: sign in with your password and code.") { ErrorCode = "two-factor" };
            return new(linked.Id, false, null);
        }
        if (await users.FindByEmailAsync(email) is not null)
            return new(null, false, $"An account with {email} already exists. Sign in with your password, then connect Upwork to use this button next time.") { ErrorCode = "exists" };

        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = displayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A random password nobody knows; the user can set one through "Forgot password" later.
        var password = $"Ext!{Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))}a1";
        var outcome = await register.RunAsync(db, new RegisterRequest(email, password, names.ElementAtOrDefault(0), names.ElementAtOrDefault(1)), accessor.HttpContext, ct);
        if (outcome.RegistrationClosed) return new(null, false, "Registration is closed in this workspace. Ask your admin for an invitation.") { ErrorCode = "closed" };
        if (outcome.User is null) return new(null, false, string.Join(" ", outcome.Errors.Select(e => e.Message))) { ErrorCode = "failed" };
        await users.AddLoginAsync(outcome.User, new UserLoginInfo(provider, providerKey, provider));
        return new(outcome.User.Id, true, null);
    }

    public async Task LinkAsync(Guid userId, string provider, string providerKey, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        var existing = await users.FindByLoginAsync(provider, providerKey);
        if (existing?.Id == userId) return;
        if (existing is not null) await users.RemoveLoginAsync(existing, provider, providerKey);   // the Upwork account moved to this user
        foreach (var login in (await users.GetLoginsAsync(user)).Where(l => l.LoginProvider == provider))
            await users.RemoveLoginAsync(user, provider, login.ProviderKey);
        await users.AddLoginAsync(user, new UserLoginInfo(provider, providerKey, provider));
        await using var db = await contexts.CreateDbContextAsync(ct);
        audit.Add(db, userId, "external_login_linked", provider, accessor.HttpContext);
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkAsync(Guid userId, string provider, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return;
        var logins = (await users.GetLoginsAsync(user)).Where(l => l.LoginProvider == provider).ToList();
        foreach (var login in logins) await users.RemoveLoginAsync(user, provider, login.ProviderKey);
        if (logins.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        audit.Add(db, userId, "external_login_removed", provider, accessor.HttpContext);
        await db.SaveChangesAsync(ct);
    }

    public async Task SignInAsync(Guid userId, CancellationToken ct)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("Signing in needs an HTTP request.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        audit.Add(db, user.Id, AuditLog.SignedIn, "with Upwork", http);
        await browserSession.RunAsync(db, user, persistent: true, http);
    }
}

internal static class ExternalSignInServices
{
    /// <summary>Registers sign-in with an external provider (Upwork) for other modules, through <see cref="Contracts.Identity.IExternalSignIn"/>.</summary>
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services) =>
        services.AddTransient<Contracts.Identity.IExternalSignIn, ExternalSignIn>();
}
