using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Shared.Jobs;

namespace Modules.Upwork.Features.ShowCompliance;

/// <summary>
/// <c>GET /api/v1/upwork/compliance</c> (the caller's view; <c>?workspace=true</c> for admins), <c>GET …/compliance/calls</c>
/// (the call log), <c>PUT …/compliance/pause</c> (the caller's pause switch) and <c>PUT …/compliance/workspace-pause</c>
/// (admins: the whole workspace's). docs/compliance.md.
/// </summary>
internal static class ComplianceEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddTransient<ShowCompliance>();
        services.AddRecurringJob<PurgeCallLogJob>(PurgeCallLogJob.Key, "0 17 3 * * ?");   // daily, 03:17 UTC
        return services;
    }

    public static RouteGroupBuilder MapCompliance(this RouteGroupBuilder api)
    {
        api.MapGet("/compliance", async (bool? workspace, HttpContext http, ShowCompliance show, CancellationToken ct) =>
                workspace == true && !http.User.IsInRole(Roles.Admin)
                    ? ApiResults.Error(StatusCodes.Status403Forbidden, "The workspace view is for admins")
                    : (IResult)ApiResults.Ok(await show.RunAsync(UserIds.Require(http), workspace == true, ct)))
           .WithSummary("Upwork requests against the limits, submissions against the cap, 429s and pauses, retention, pause switches");
        api.MapGet("/compliance/calls", async (bool? workspace, int? limit, HttpContext http, ShowCompliance show, CancellationToken ct) =>
                workspace == true && !http.User.IsInRole(Roles.Admin)
                    ? ApiResults.Error(StatusCodes.Status403Forbidden, "The workspace view is for admins")
                    : (IResult)ApiResults.Ok(await show.CallsAsync(UserIds.Require(http), workspace == true, limit ?? 100, ct)))
           .WithSummary("The Upwork call log, newest first: operation, when, why and how it ended (kept 30 days)");
        api.MapPut("/compliance/pause", async (PauseRequest request, HttpContext http, UpworkPauseSwitch pauses, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                await pauses.SetAsync(userId, request.Paused, userId, ct);
                return ApiResults.Ok(await pauses.StateAsync(userId, ct));
            })
           .WithSummary("Turns your Upwork pause switch on or off: while on, no request goes to Upwork for you, on any instance");
        api.MapPut("/compliance/workspace-pause", async (PauseRequest request, HttpContext http, UpworkPauseSwitch pauses, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                await pauses.SetAsync(UpworkPause.Workspace, request.Paused, userId, ct);
                return ApiResults.Ok(await pauses.StateAsync(userId, ct));
            })
           .RequireAuthorization(p => p.RequireRole(Roles.Admin))
           .WithSummary("Admin only: turns the workspace's Upwork pause switch on or off (every user's calls stop while on)");
        return api;
    }
}

/// <summary>Body of the pause routes.</summary>
internal sealed record PauseRequest(bool Paused);
