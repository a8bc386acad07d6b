using Shared.Jobs;
namespace Modules.Identity.Features.ShowAuditLog;

internal static class ListAuditEventsEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddAuditEvents(this IServiceCollection services)
    {
        services.AddTransient<ListAuditEvents>().AddTransient<PurgeAuditEvents>().AddTransient<Contracts.Identity.IAuditTrail, AuditTrail>();
        services.AddRecurringJob<PurgeAuditEventsJob>(PurgeAuditEventsJob.Key, TimeSpan.FromHours(6));
        return services;
    }

    public static RouteGroupBuilder MapListAuditEvents(this RouteGroupBuilder identity)
    {
        identity.MapGet("/audit", async (HttpContext http, ListAuditEvents events, CancellationToken ct) => ApiResults.Ok(await events.ForUserAsync(UserIds.Require(http), 100, ct)))
            .WithSummary("Your latest 100 security events (sign-ins, failures, key and session changes)");
        return identity;
    }

    public static RouteGroupBuilder MapListWorkspaceAuditEvents(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", async (ListAuditEvents events, CancellationToken ct) => ApiResults.Ok(await events.ForWorkspaceAsync(200, ct)))
            .WithSummary("The workspace's latest 200 security events (admins only)");
        return admin;
    }
}
