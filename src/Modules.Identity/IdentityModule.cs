using Contracts.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Features.ConfirmEmail;
using Modules.Identity.Features.EnforcePasswordPolicy;
using Modules.Identity.Features.EnforceQuota;
using Modules.Identity.Features.ManageAccessTokens;
using Modules.Identity.Features.ManageApiKeys;
using Modules.Identity.Features.ManageInvitations;
using Modules.Identity.Features.ManageMembers;
using Modules.Identity.Features.ManagePersonalData;
using Modules.Identity.Features.ManageProfiles;
using Modules.Identity.Features.ManageSessions;
using Modules.Identity.Features.RefreshTokens;
using Modules.Identity.Features.Register;
using Modules.Identity.Features.ResetPassword;
using Modules.Identity.Features.SetUpTwoFactor;
using Modules.Identity.Features.ShowAuditLog;
using Modules.Identity.Features.ShowProfile;
using Modules.Identity.Features.ShowSystemStatus;
using Modules.Identity.Features.SignIn;
using Modules.Identity.Features.SignInExternally;
using Modules.Identity.Features.SignOut;
using Modules.Identity.Integrations;
using Modules.Identity.Security;

namespace Modules.Identity;

/// <summary>Entry point of the Identity module; the only public non-component type in it.</summary>
public static class IdentityModule
{
    /// <summary>Adds accounts (ASP.NET Core Identity), cookie and bearer authentication, sessions and the module's slices.</summary>
    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        AuthenticationSetup.Add(builder);
        var services = builder.Services;
        services.AddSingleton<TokenIssuer>().AddSingleton<PersonalAccessTokens>().AddSingleton<Sessions>().AddSingleton<AuditLog>();
        services.AddSingleton<AuthCounters>().AddSingleton<AuthThrottle>().AddSingleton<PasswordHashGate>();
        services.AddScoped<TokenGrants>().AddScoped<StartBrowserSession>().AddTransient<RevokeSession>().AddHttpContextAccessor();
        services.AddMail().AddApiKeys();
        // Each slice registers its own handlers and validators, next to the routes it maps.
        services.AddRegister().AddSignIn().AddRefreshTokens().AddShowProfile().AddTwoFactor().AddPasswordPolicy().AddResetPassword()
            .AddConfirmEmail().AddManageSessions().AddExternalSignIn().AddManageProfiles().AddManageAccessTokens().AddPersonalData()
            .AddUsageQuota().AddAuditEvents().AddManageMembers().AddManageInvitations().AddShowSystemStatus();
        return builder;
    }

    /// <summary>
    /// Middleware of the module, after authentication and before the endpoints: state-changing API calls made with the
    /// browser's cookie must prove they are not a cross-site form (<see cref="CookieApiCsrfGuard"/>).
    /// </summary>
    public static IApplicationBuilder UseIdentityModule(this IApplicationBuilder app) => app.Use(CookieApiCsrfGuard.MiddlewareAsync);

    /// <summary>Maps <c>/api/v1/auth</c>, <c>/api/v1/identity</c> and the browser's sign-out.</summary>
    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("auth", "Auth")
            .MapPasswordPolicy().MapRegister().MapSignIn().MapResetPassword().MapConfirmEmail().MapRefreshTokens()
            .MapSignOut().MapShowProfile().MapManageSessions();
        app.MapApiGroup("identity", "Identity").RequireAuthorization(Permissions.Read).RequireForChanges(Permissions.Draft)
            .MapUsageQuota().MapManageApiKeys().MapManageAccessTokens().MapManageProfiles().MapListAuditEvents().MapTwoFactor().MapPersonalData();
        app.MapApiGroup("identity/admin", "Admin").RequireAuthorization(Permissions.Admin)
            .MapListMembers().MapListWorkspaceAuditEvents().MapUpdateMember().MapManageInvitations().MapShowSystemStatus().MapAdminAccessTokens();
        app.MapGroup("/account").MapBrowserSignOut();
        return app;
    }

    /// <summary>
    /// Re-seals every registered sealed column (every module's <see cref="ISealedColumns"/>) under
    /// <c>Security:ActiveKeyVersion</c> and reports what remains on older versions (the <c>rotate-keys</c> command).
    /// </summary>
    public static async Task<KeyRotationReport> RotateEncryptionKeysAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(ct);
    }
}
