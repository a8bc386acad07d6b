using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Registration;

namespace Modules.Identity.Features.Register;

/// <summary>
/// The registration page's work, so the page only shows it: create the account, then either mail the confirmation link
/// (when the workspace requires one) or start a browser session and sign in. The account and its session share one
/// context, as they always did.
/// </summary>
internal sealed class BrowserRegistration(
    IDbContextFactory<AppDbContext> contexts, Register register, EmailConfirmation confirmation, StartBrowserSession browserSession)
{
    /// <summary>True while no account exists: the next one becomes the admin and needs the setup token.</summary>
    public async Task<bool> IsFirstAccountAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return !await db.Users.AnyAsync(ct);
    }

    /// <summary>Registers; the outcome says whether it was refused, is waiting for the e-mail link, or signed in.</summary>
    public async Task<BrowserRegistrationResult> RunAsync(RegisterRequest request, HttpContext http)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var outcome = await register.RunAsync(db, request, http, http.RequestAborted);
        if (outcome.RegistrationClosed || outcome.User is null) return new(outcome, ConfirmationSentTo: null);
        if (confirmation.Required)
        {
            await confirmation.SendAsync(outcome.User, http, http.RequestAborted);
            return new(outcome, ConfirmationSentTo: outcome.User.Email);
        }
        await browserSession.RunAsync(db, outcome.User, persistent: false, http);
        return new(outcome, ConfirmationSentTo: null);
    }
}

/// <summary>The registration's outcome, and the address the confirmation link went to when one was required.</summary>
internal sealed record BrowserRegistrationResult(RegisterOutcome Outcome, string? ConfirmationSentTo);
