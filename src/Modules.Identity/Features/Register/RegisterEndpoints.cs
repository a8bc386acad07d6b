using FluentValidation;
using Modules.Identity.Auth;
using Modules.Identity.Registration;

namespace Modules.Identity.Features.Register;

internal static class RegisterEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddRegister(this IServiceCollection services)
    {
        services.AddScoped<Register>().AddScoped<IRegisterAccounts>(sp => sp.GetRequiredService<Register>()).AddScoped<BrowserRegistration>().AddTransient<IValidator<RegisterRequest>, RegisterRequestValidator>();
        services.AddSingleton<FirstAdminSetup>().AddHostedService<PrintSetupTokenOnFirstStart>();
        return services;
    }

    public static RouteGroupBuilder MapRegister(this RouteGroupBuilder auth)
    {
        auth.MapPost("/register", RegisterAsync).Validate<RegisterRequest>().RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Creates an account and signs it in (the first account becomes the admin)");
        return auth;
    }

    private static async Task<IResult> RegisterAsync(RegisterRequest request, HttpContext http, Register register, TokenGrants grants,
        EmailConfirmation confirmation, IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        // One context for the account and its first session.
        await using var db = await contexts.CreateDbContextAsync(ct);
        var outcome = await register.RunAsync(db, request, http, ct);
        if (outcome.RegistrationClosed) return ApiResults.Error(StatusCodes.Status403Forbidden, outcome.ClosedReason!);
        if (outcome.User is null)
            return outcome.Conflict
                ? ApiResults.Error(StatusCodes.Status409Conflict, "An account with this email already exists", outcome.Errors)
                : ApiResults.ValidationFailed(outcome.Errors);
        if (confirmation.Required)
        {
            await confirmation.SendAsync(outcome.User, http, ct);
            return ApiResults.Created(new { userId = outcome.User.Id, email = outcome.User.Email, confirmationRequired = true },
                "Account created: confirm your e-mail address with the link we sent, then sign in");
        }
        return ApiResults.Created(await grants.StartSessionAsync(db, outcome.User, http, ct), "Account created");
    }
}
