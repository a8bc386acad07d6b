using System.Security.Claims;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.SetUpTwoFactor;

internal static class TwoFactorEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddTwoFactor(this IServiceCollection services)
    {
        services.AddScoped<MfaSignIn>().AddTransient<TrustedDevice>().AddTransient<TwoFactor>();
        return services;
    }

    public static RouteGroupBuilder MapTwoFactor(this RouteGroupBuilder identity)
    {
        identity.MapGet("/mfa", async (HttpContext http, TwoFactor mfa, CancellationToken ct) => ApiResults.Ok(new { enabled = await mfa.IsEnabledAsync(UserIds.Require(http), ct) }))
            .WithSummary("Whether two-factor sign-in is on");
        identity.MapPost("/mfa/setup", async (HttpContext http, TwoFactor mfa, CancellationToken ct) =>
                await mfa.IsEnabledAsync(UserIds.Require(http), ct)
                    ? ApiResults.Error(StatusCodes.Status409Conflict, "Two-factor sign-in is already on; turn it off first to change the app")
                    : (IResult)ApiResults.Ok(await mfa.BeginSetupAsync(UserIds.Require(http), http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name ?? "user", ct)))
            .WithSummary("Starts authenticator set-up: a QR code and a manual key").OwnAccount();
        identity.MapPost("/mfa/enable", async (MfaCode body, HttpContext http, TwoFactor mfa, CancellationToken ct) =>
                await mfa.EnableAsync(UserIds.Require(http), body.Code ?? "", http, ct) is { } codes
                    ? (IResult)ApiResults.Ok(new { recoveryCodes = codes }, "Two-factor sign-in is on. Keep the recovery codes somewhere safe.")
                    : ApiResults.Error(StatusCodes.Status400BadRequest, "The code is not right: check the app's clock and try the current code",
                        [new ApiFieldError("code", "The code is not right")]))
            .WithSummary("Turns two-factor on with a code from the app; returns 10 single-use recovery codes").OwnAccount();
        identity.MapPost("/mfa/disable", async (MfaCode body, HttpContext http, TwoFactor mfa, CancellationToken ct) =>
                await mfa.DisableAsync(UserIds.Require(http), body.Code ?? "", http, ct)
                    ? (IResult)ApiResults.Ok(new { enabled = false }, "Two-factor sign-in is off")
                    : ApiResults.Error(StatusCodes.Status400BadRequest, "The code is not right", [new ApiFieldError("code", "The code is not right")]))
            .WithSummary("Turns two-factor off (needs a current code or a recovery code)").OwnAccount();
        return identity;
    }
}
