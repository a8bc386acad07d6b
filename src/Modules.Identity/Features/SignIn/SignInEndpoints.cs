using FluentValidation;
using Modules.Identity.Auth;
using Modules.Identity.Features.SetUpTwoFactor;

namespace Modules.Identity.Features.SignIn;

internal static class SignInEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddScoped<CheckCredentials>().AddScoped<BrowserSignIn>().AddTransient<IValidator<LoginRequest>, LoginRequestValidator>();
        return services;
    }

    public static RouteGroupBuilder MapSignIn(this RouteGroupBuilder auth)
    {
        auth.MapPost("/login", LoginAsync).Validate<LoginRequest>().RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Exchanges email and password for an access token (1 h) and a refresh token (7 days)");
        auth.MapPost("/login/mfa", LoginMfaAsync).RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Completes a sign-in that answered mfa_required, with an authenticator or recovery code");
        return auth;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, HttpContext http, CheckCredentials credentials, TokenGrants grants,
        TwoFactor mfa, IDbContextFactory<AppDbContext> contexts, TimeProvider time, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var check = await credentials.RunAsync(db, request.Email, request.Password, http, ct);
        if (check.Status == CredentialStatus.Valid && await mfa.IsEnabledAsync(check.User!.Id, ct))
            return ApiResults.Ok(new MfaChallenge("mfa_required", mfa.IssueChallenge(check.User.Id), 300),
                "mfa_required: send a code from your authenticator app to /api/v1/auth/login/mfa");
        return check.Status switch
        {
            CredentialStatus.Valid => ApiResults.Ok(await grants.StartSessionAsync(db, check.User!, http, ct), "Signed in"),
            CredentialStatus.LockedOut => ApiResults.Error(StatusCodes.Status423Locked, check.Message(time)),
            CredentialStatus.Deactivated or CredentialStatus.NotAllowed => ApiResults.Error(StatusCodes.Status403Forbidden, check.Message(time)),
            CredentialStatus.Throttled => TooManyAttempts(http, check.Message(time)),
            CredentialStatus.Busy => Busy(http, check.Message(time)),
            _ => ApiResults.Error(StatusCodes.Status401Unauthorized, check.Message(time)),
        };
    }

    private static async Task<IResult> LoginMfaAsync(MfaLogin request, HttpContext http, MfaSignIn mfa, TokenGrants grants,
        IDbContextFactory<AppDbContext> contexts, TimeProvider time, CancellationToken ct)
    {
        var result = await mfa.RunAsync(request.ChallengeToken, request.Code, http, ct);
        switch (result.Outcome)
        {
            case MfaOutcome.Passed:
                await using (var db = await contexts.CreateDbContextAsync(ct))
                    return ApiResults.Ok(await grants.StartSessionAsync(db, result.User!, http, ct), "Signed in");
            case MfaOutcome.WrongCode:
                return ApiResults.Error(StatusCodes.Status401Unauthorized, "The code is not right, or was already used", [new ApiFieldError("code", "The code is not right")]);
            case MfaOutcome.LockedOut:
                return ApiResults.Error(StatusCodes.Status423Locked, result.Message(time));
            case MfaOutcome.Throttled:
                return TooManyAttempts(http, result.Message(time));
            case MfaOutcome.Inactive:
                return ApiResults.Error(StatusCodes.Status403Forbidden, result.Message(time));
            default:
                return ApiResults.Error(StatusCodes.Status401Unauthorized, "The sign-in challenge is invalid, has expired or had too many wrong codes: sign in again");
        }
    }

    private static IResult TooManyAttempts(HttpContext http, string message)
    {
        http.Response.Headers.RetryAfter = "60";
        return ApiResults.Error(StatusCodes.Status429TooManyRequests, message);
    }

    private static IResult Busy(HttpContext http, string message)
    {
        http.Response.Headers.RetryAfter = PasswordHashGate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, message);
    }
}
