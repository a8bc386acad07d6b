using Modules.Identity.Auth;

namespace Modules.Identity.Features.ConfirmEmail;

internal static class ConfirmEmailEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddConfirmEmail(this IServiceCollection services)
    {
        services.AddTransient<EmailConfirmation>();
        return services;
    }

    public static RouteGroupBuilder MapConfirmEmail(this RouteGroupBuilder auth)
    {
        auth.MapPost("/confirm-email", async (ConfirmEmailRequest request, HttpContext http, EmailConfirmation confirmation, CancellationToken ct) =>
                await confirmation.ConfirmAsync(request.UserId, request.Token ?? "", http, ct) is { } error
                    ? ApiResults.Error(StatusCodes.Status400BadRequest, error, [new ApiFieldError("token", error)])
                    : (IResult)ApiResults.Ok(new { confirmed = true }, "E-mail address confirmed: you can sign in"))
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("Confirms an e-mail address with the mailed link's token (when Auth:RequireConfirmedEmail is on)");
        auth.MapPost("/resend-confirmation", async (ResendConfirmationRequest request, HttpContext http, EmailConfirmation confirmation, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Email))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "Validation failed: email is required", [new ApiFieldError("email", "email is required")]);
                await confirmation.ResendAsync(request.Email, http, ct);
                return (IResult)ApiResults.Ok(new { sent = true }, "If this address has an unconfirmed account, a new link is on its way");
            })
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("E-mails a new confirmation link (the answer is the same for any address)");
        return auth;
    }
}
