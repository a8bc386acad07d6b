using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Features.SetUpTwoFactor;

namespace Modules.Identity.Features.SignIn;

/// <summary>
/// The sign-in page's steps, so the page only shows them: the password step (which may ask for a code, or let a
/// remembered device through) and the completed sign-in (a browser session and the cookie). The credential check and the
/// new session share one context, as they always did.
/// </summary>
internal sealed class BrowserSignIn(
    IDbContextFactory<AppDbContext> contexts, CheckCredentials credentials, TwoFactor mfa, TrustedDevice device,
    StartBrowserSession browserSession)
{
    /// <summary>True while the workspace has no account (the page then points to registration).</summary>
    public async Task<bool> NoAccountsYetAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return !await db.Users.AnyAsync(ct);
    }

    /// <summary>Checks the password; signs in, or answers with the two-factor challenge to ask for, or with the refusal.</summary>
    public async Task<PasswordStep> PasswordAsync(string email, string password, bool remember, HttpContext http)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var check = await credentials.RunAsync(db, email, password, http, http.RequestAborted);
        if (check.Status != CredentialStatus.Valid) return new(check, Challenge: null, SignedIn: false);
        if (await mfa.IsEnabledAsync(check.User!.Id, http.RequestAborted))
        {
            if (await device.CheckAsync(http, check.User.Id, http.RequestAborted) is not { } rememberedUntil)
                return new(check, mfa.IssueChallenge(check.User.Id), SignedIn: false);
            await CompleteAsync(db, check.User, remember, rememberedUntil, http);
            return new(check, Challenge: null, SignedIn: true);
        }
        await CompleteAsync(db, check.User, remember, trustDevice: null, http);
        return new(check, Challenge: null, SignedIn: true);
    }

    /// <summary>
    /// Signs in a user whose code was accepted. <paramref name="trustDevice"/> (re)issues the remember-this-device cookie:
    /// <see cref="DateTimeOffset.MinValue"/> for a new 30 days, else that expiry.
    /// </summary>
    public async Task CompleteAfterCodeAsync(AppUser user, bool remember, DateTimeOffset? trustDevice, HttpContext http)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await CompleteAsync(db, user, remember, trustDevice, http);
    }

    private async Task CompleteAsync(AppDbContext db, AppUser user, bool remember, DateTimeOffset? trustDevice, HttpContext http)
    {
        var session = await browserSession.RunAsync(db, user, remember, http);
        if (trustDevice is { } until)
            await device.RememberAsync(http, user.Id, session.Id, until == DateTimeOffset.MinValue ? null : until, http.RequestAborted);
    }
}

/// <summary>What the password step came to: refused (<see cref="Check"/> says why), a code to ask for, or signed in.</summary>
internal sealed record PasswordStep(CredentialCheck Check, string? Challenge, bool SignedIn);
