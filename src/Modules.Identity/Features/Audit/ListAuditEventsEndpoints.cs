namespace Modules.Identity.Features.Audit;

internal static class ListAuditEventsEndpoints
{
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
