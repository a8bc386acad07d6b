namespace Modules.Identity.Features.EnforcePasswordPolicy;

internal static class PasswordPolicyEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddPasswordPolicy(this IServiceCollection services)
    {
        services.AddTransient<PasswordPolicy>();
        return services;
    }

    public static RouteGroupBuilder MapPasswordPolicy(this RouteGroupBuilder auth)
    {
        auth.MapGet("/password-policy", (PasswordPolicy policy) => ApiResults.Ok(policy.Run()))
            .WithSummary("The password rules a new password must meet");
        return auth;
    }
}
