using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Integrations;
using Shared.Hosting;

namespace Modules.Identity.Features.ResetPassword;

/// <summary>
/// Forgot password: a single-use, time-limited link by e-mail (the answer never reveals whether the address has an
/// account); a successful reset signs every device out. One mail per account per <c>Auth:PasswordResetMailMinutes</c>
/// (default 15): more requests get the same neutral answer and send nothing, so the form cannot bomb a mailbox. The mail
/// is queued in the outbox (<see cref="MailOutbox"/>), not sent inside the request.
/// </summary>
internal sealed class PasswordReset(UserManager<AppUser> users, MailOutbox mail, IDbContextFactory<AppDbContext> contexts, Sessions sessions,
    AuditLog audit, IConfiguration configuration, AuthCounters counters, PublicOrigin publicOrigin)
{
    public async Task RequestAsync(string email, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Auth:PasswordResetMailMinutes", 15)));
        if (await counters.CountAsync($"reset-mail:{user.Id:N}", interval, ct) > 1) return;
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        // Always the configured public address, never the request's: a Host header is the client's to choose.
        var link = publicOrigin.Link($"/account/reset-password?userId={user.Id}&token={token}");
        await mail.QueueAsync(user.Id, "password_reset", user.Email!, "Reset your Upwork AI Assistant password",
            $"Someone (hopefully you) asked to reset the password of {user.Email}.\n\nSet a new password here (the link works once, for a few hours):\n{link}\n\nIf it was not you, ignore this message: your password stays as it is.", ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        audit.Add(db, user.Id, "password_reset_requested", null, http);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets the new password; returns the problems (empty on success).</summary>
    public async Task<IReadOnlyList<ApiFieldError>> ResetAsync(Guid userId, string token, string newPassword, HttpContext? http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        string decoded;
        try { decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)); }
        catch (FormatException) { decoded = ""; }
        if (user is null || decoded.Length == 0) return [new ApiFieldError("token", "This reset link is not valid: ask for a new one")];
        var result = await users.ResetPasswordAsync(user, decoded, newPassword);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Code == "InvalidToken"
                ? new ApiFieldError("token", "This reset link has expired or was already used: ask for a new one")
                : new ApiFieldError("newPassword", e.Description)).ToList();

        await using var db = await contexts.CreateDbContextAsync(ct);
        var revoked = await sessions.RevokeAllAsync(db, userId, "password reset", ct);
        await users.ResetAccessFailedCountAsync(user);
        // A reset is what a user does after a takeover: external sign-ins someone may have linked go too.
        foreach (var login in await users.GetLoginsAsync(user)) await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        audit.Add(db, userId, "password_reset", null, http);
        await db.SaveChangesAsync(ct);
        foreach (var id in revoked) await sessions.ForgetAsync(userId, id, ct);
        return [];
    }
}

internal sealed record ForgotPasswordRequest(string Email);

internal sealed record ResetPasswordRequest(Guid UserId, string Token, string NewPassword);
