using FluentValidation;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.RefreshTokens;

internal static class RefreshTokensEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddRefreshTokens(this IServiceCollection services)
    {
        services.AddScoped<RefreshTokens>().AddTransient<IValidator<RefreshRequest>, RefreshRequestValidator>();
        return services;
    }

    public static RouteGroupBuilder MapRefreshTokens(this RouteGroupBuilder auth)
    {
        auth.MapPost("/refresh", RefreshAsync).Validate<RefreshRequest>().RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Spends a refresh token for a new pair; reusing a spent token signs its session out");
        return auth;
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, HttpContext http, RefreshTokens refresh, IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (result, error) = await refresh.RunAsync(db, request.RefreshToken, http, ct);
        return result is not null ? ApiResults.Ok(result, "Tokens refreshed") : ApiResults.Error(StatusCodes.Status401Unauthorized, error!);
    }
}
