using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Modules.Identity.Integrations;
using Shared.Hosting;

namespace Modules.Identity.Auth;

/// <summary>
/// Optional e-mail confirmation (<c>Auth:RequireConfirmedEmail</c>, off by default): a new account gets a link by
/// e-mail and cannot sign in until it is followed. Needs working SMTP settings when turned on.
/// </summary>
internal sealed class EmailConfirmation(UserManager<AppUser> users, MailOutbox mail, IDbContextFactory<AppDbContext> contexts, AuditLog audit,
    IOptions<AuthOptions> options, PublicOrigin publicOrigin)
{
    public bool Required => options.Value.RequireConfirmedEmail;

    public async Task SendAsync(AppUser user, HttpContext? http, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        // Always the configured public address, never the request's: a Host header is the client's to choose.
        var link = publicOrigin.Link($"/account/confirm-email?userId={user.Id}&token={token}");
        await mail.QueueAsync(user.Id, "confirm_email", user.Email!, "Confirm your Upwork AI Assistant account",
            $"Welcome! Confirm that {user.Email} is your address to finish creating your account:\n{link}\n\nIf you did not sign up, ignore this message.", ct);
    }

    /// <summary>Sends a new link if the address has an unconfirmed account; the caller answers the same either way.</summary>
    public async Task ResendAsync(string email, HttpContext? http, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || user.EmailConfirmed) return;
        await SendAsync(user, http, ct);
    }

    /// <summary>Confirms the address; null on success, else why not.</summary>
    public async Task<string?> ConfirmAsync(Guid userId, string token, HttpContext? http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        string decoded;
        try { decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)); }
        catch (FormatException) { decoded = ""; }
        if (user is null || decoded.Length == 0) return "This confirmation link is not valid";
        if (user.EmailConfirmed) return null;
        var result = await users.ConfirmEmailAsync(user, decoded);
        if (!result.Succeeded) return "This confirmation link has expired or is not valid: sign in to get a new one";
        await using var db = await contexts.CreateDbContextAsync(ct);
        audit.Add(db, user.Id, "email_confirmed", null, http);
        await db.SaveChangesAsync(ct);
        return null;
    }
}

internal sealed record ConfirmEmailRequest(Guid UserId, string? Token);

internal sealed record ResendConfirmationRequest(string? Email);
