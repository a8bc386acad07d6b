using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Contracts.Identity;
using Microsoft.AspNetCore.DataProtection;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>
/// The OAuth 2.0 authorization-code flow, for connecting an account and for "Sign in with Upwork". The <c>state</c>
/// parameter is an encrypted, 10-minute ticket naming the mode and the signed-in user, and it must match a nonce in
/// an HttpOnly cookie of the same browser: a callback forged by another site, replayed, or finished by another
/// signed-in user is refused.
/// </summary>
internal sealed class ConnectUpwork(
    UpworkOAuthClient oauth,
    UpworkAccounts accounts,
    IExternalSignIn externalSignIn,
    IDataProtectionProvider protection,
    IOptions<UpworkOptions> options,
    TimeProvider time,
    ILogger<ConnectUpwork> log)
{
    public const string Provider = "Upwork";
    private const string NonceCookie = "ua-upwork-oauth";
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(10);

    private IDataProtector Protector => protection.CreateProtector("Upwork.OAuthState.v1");

    /// <summary>Sends the browser to Upwork's consent page.</summary>
    public IResult Start(HttpContext http, string mode)
    {
        if (!options.Value.IsConfigured) return Results.Redirect("/upwork/connection?error=not-configured");
        var userId = CurrentUser(http);
        if (mode == Modes.Connect && userId is null) return Results.Redirect("/account/signin?returnUrl=%2Fupwork%2Fconnection");
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var ticket = new Ticket(nonce, mode, userId, time.GetUtcNow() + TicketLifetime);
        http.Response.Cookies.Append(NonceCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,   // sent on Upwork's top-level redirect back, not on cross-site sub-requests
            Path = "/upwork",
            MaxAge = TicketLifetime,
            IsEssential = true,
        });
        return Results.Redirect(oauth.AuthorizeUrl(Protector.Protect(JsonSerializer.Serialize(ticket))));
    }

    /// <summary>Upwork's redirect back with <c>code</c> and <c>state</c> (or <c>error</c>).</summary>
    public async Task<IResult> CallbackAsync(HttpContext http, string? code, string? state, string? error, CancellationToken ct)
    {
        var ticket = ReadTicket(http, state);
        http.Response.Cookies.Delete(NonceCookie, new CookieOptions { Path = "/upwork" });
        var failurePage = ticket?.Mode == Modes.SignIn ? "/account/signin" : "/upwork/connection";
        if (ticket is null) return Results.Redirect($"{failurePage}?error=state");
        // Only a known code travels on: the text of the error parameter is not ours to repeat.
        if (!string.IsNullOrEmpty(error)) return Results.Redirect($"{failurePage}?error={ConnectionErrors.Normalise(error)}");
        if (string.IsNullOrEmpty(code)) return Results.Redirect($"{failurePage}?error=no-code");
        if (ticket.Mode == Modes.Connect && CurrentUser(http) != ticket.UserId) return Results.Redirect($"{failurePage}?error=state");

        UpworkTokens tokens;
        UpworkIdentity identity;
        using var origin = UpworkCallContext.Begin(ticket.Mode == Modes.Connect ? ticket.UserId : null,
            ticket.Mode == Modes.Connect ? "Connect Upwork button" : "Sign in with Upwork button");
        try
        {
            tokens = await oauth.ExchangeCodeAsync(code, ct);
            identity = await accounts.IdentityAsync(tokens.AccessToken, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Upwork connection failed: {Error}", ex.Message);
            return Results.Redirect($"{failurePage}?error=exchange");
        }

        if (ticket.Mode == Modes.Connect)
        {
            await accounts.SaveConnectionAsync(ticket.UserId!.Value, tokens, identity, ct);
            await externalSignIn.LinkAsync(ticket.UserId.Value, Provider, identity.UserId, ct);
            return Results.Redirect("/upwork/connection?connected=1");
        }

        var account = await externalSignIn.FindOrRegisterAsync(Provider, identity.UserId,
            identity.Email ?? $"{identity.Nid ?? identity.UserId}@users.upwork.invalid", identity.Name ?? identity.Nid ?? "Upwork user", ct);
        if (account.UserId is not { } userId)
            return Results.Redirect($"/account/signin?upwork={Uri.EscapeDataString(account.ErrorCode ?? "failed")}");
        await accounts.SaveConnectionAsync(userId, tokens, identity, ct);
        await externalSignIn.SignInAsync(userId, ct);
        return Results.Redirect(account.Created ? "/upwork/connection?connected=1&welcome=1" : "/");
    }

    private Ticket? ReadTicket(HttpContext http, string? state)
    {
        if (string.IsNullOrEmpty(state) || !http.Request.Cookies.TryGetValue(NonceCookie, out var nonce)) return null;
        try
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(Protector.Unprotect(state));
            if (ticket is null || ticket.ExpiresAt < time.GetUtcNow()) return null;
            return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(ticket.Nonce), System.Text.Encoding.ASCII.GetBytes(nonce)) ? ticket : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static Guid? CurrentUser(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static class Modes
    {
        public const string Connect = "connect";
        public const string SignIn = "signin";
    }

    private sealed record Ticket(string Nonce, string Mode, Guid? UserId, DateTimeOffset ExpiresAt);
}
