using Microsoft.AspNetCore.Identity;
using Modules.Identity.Features.PasswordPolicy;

namespace Modules.Identity;

/// <summary>Entry point of the Identity module; the only public non-component type in it.</summary>
public static class IdentityModule
{
    /// <summary>Adds identity options (the spec's password policy) and the module's slice handlers.</summary>
    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<IdentityOptions>(PasswordPolicy.Configure);
        builder.Services.AddTransient<PasswordPolicy>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/auth</c>.</summary>
    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("auth", "Auth");
        api.MapGet("/password-policy", (PasswordPolicy policy) => ApiResults.Ok(policy.Run()))
           .WithSummary("The password rules a new password must meet");
        return app;
    }
}
