using Modules.Identity.Auth;

namespace Modules.Identity.Features.ManageSessions;

internal static class ManageSessionsEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddManageSessions(this IServiceCollection services)
    {
        services.AddTransient<ListSessions>();
        return services;
    }

    public static RouteGroupBuilder MapManageSessions(this RouteGroupBuilder auth)
    {
        auth.MapGet("/sessions", async (HttpContext http, ListSessions sessions, CancellationToken ct) =>
                ApiResults.Ok(await sessions.RunAsync(UserIds.Require(http), SessionClaims.SessionId(http.User), ct)))
            .RequireAuthorization().WithSummary("The signed-in user's active sessions (devices)");
        auth.MapDelete("/sessions/{id:guid}", RevokeSessionAsync).RequireAuthorization()
            .WithSummary("Signs one of your devices out");
        auth.MapDelete("/sessions", async (HttpContext http, RevokeSession revoke, CancellationToken ct) =>
                ApiResults.Ok(new { sessionsEnded = await revoke.EverywhereAsync(UserIds.Require(http), http, ct) }, "Signed out everywhere"))
            .RequireAuthorization()
            .WithSummary("Signs you out everywhere: every device, this one included, and every personal access token");
        return auth;
    }

    // Someone else's session id answers exactly like a missing one: ids reveal nothing.
    private static async Task<IResult> RevokeSessionAsync(Guid id, HttpContext http, RevokeSession revoke, CancellationToken ct) =>
        await revoke.RunAsync(UserIds.Require(http), id, http, ct)
            ? ApiResults.Ok(new { revoked = id }, "Session signed out")
            : ApiResults.NotFound($"Session {id} was not found");
}
