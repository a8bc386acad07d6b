namespace Modules.Identity.Features.PasswordPolicy;

internal static class PasswordPolicyEndpoints
{
    public static RouteGroupBuilder MapPasswordPolicy(this RouteGroupBuilder auth)
    {
        auth.MapGet("/password-policy", (PasswordPolicy policy) => ApiResults.Ok(policy.Run()))
            .WithSummary("The password rules a new password must meet");
        return auth;
    }
}
