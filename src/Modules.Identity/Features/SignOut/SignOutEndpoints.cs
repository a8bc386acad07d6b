using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Identity.Auth;
using Modules.Identity.Features.ManageSessions;

namespace Modules.Identity.Features.SignOut;

/// <summary>Signing out, through the API and through the browser's form: both end the session with <see cref="RevokeSession"/>.</summary>
internal static class SignOutEndpoints
{
    /// <summary><c>POST /api/v1/auth/logout</c>.</summary>
    public static RouteGroupBuilder MapSignOut(this RouteGroupBuilder auth)
    {
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization()
            .WithSummary("Ends the session of the access token");
        return auth;
    }

    /// <summary><c>POST /account/logout</c>, the browser's sign-out form.</summary>
    public static RouteGroupBuilder MapBrowserSignOut(this RouteGroupBuilder account)
    {
        account.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn, RevokeSession revoke, [FromForm] string? returnUrl) =>
            {
                if (UserIds.Find(http.User) is { } userId && SessionClaims.SessionId(http.User) is { } sessionId)
                    await revoke.RunAsync(userId, sessionId, SessionEnding.SignedOutInBrowser, http, http.RequestAborted);
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login?signedOut=1");
            })
            .RequireAuthorization().ExcludeFromDescription();
        return account;
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, RevokeSession revoke, CancellationToken ct)
    {
        var userId = UserIds.Require(http);
        if (SessionClaims.SessionId(http.User) is { } sessionId) await revoke.RunAsync(userId, sessionId, SessionEnding.SignedOut, http, ct);
        return ApiResults.Ok(new { signedOut = true }, "Signed out");
    }
}
