using Modules.Identity.Auth;

namespace Modules.Identity.Features.ResetPassword;

internal static class ResetPasswordEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddResetPassword(this IServiceCollection services)
    {
        services.AddScoped<PasswordReset>();
        return services;
    }

    public static RouteGroupBuilder MapResetPassword(this RouteGroupBuilder auth)
    {
        auth.MapPost("/forgot-password", async (ForgotPasswordRequest request, HttpContext http, PasswordReset reset, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Email))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "Validation failed: email is required", [new ApiFieldError("email", "email is required")]);
                await reset.RequestAsync(request.Email, http, ct);
                return (IResult)ApiResults.Ok(new { sent = true }, "If an account uses this address, a reset link is on its way");
            })
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("E-mails a password reset link (the answer is the same for unknown addresses)");
        auth.MapPost("/reset-password", async (ResetPasswordRequest request, HttpContext http, PasswordReset reset, CancellationToken ct) =>
                await reset.ResetAsync(request.UserId, request.Token ?? "", request.NewPassword ?? "", http, ct) is { Count: > 0 } errors
                    ? ApiResults.Error(StatusCodes.Status400BadRequest, errors[0].Message, errors)
                    : (IResult)ApiResults.Ok(new { reset = true }, "Password changed; every device has been signed out"))
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("Sets a new password with the link's token; signs every device out");
        return auth;
    }
}
