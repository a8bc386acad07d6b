using Contracts.Identity;
using Modules.Upwork.Searches;
namespace Modules.Upwork.Features.ManageAlerts;

/// <summary>Why a job matches, the alert queue and the in-app alert preferences.</summary>
internal static class AlertsEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddTransient<ManageAlerts>().AddTransient<ExplainMatch>().AddTransient<IAlertFeed, AlertFeed>();
        services.AddMcpServer().WithTools<ExplainMatchTools>();
        return services;
    }

    public static RouteGroupBuilder MapExplainMatch(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:guid}/explain", async (Guid id, Guid? savedSearchId, HttpContext http, ExplainMatch explain, CancellationToken ct) =>
                await explain.RunAsync(UserIds.Require(http), id, savedSearchId, ct) is { } result
                    ? (IResult)ApiResults.Ok(result)
                    : ApiResults.NotFound(savedSearchId is null ? $"Job posting {id} was not found" : $"Job posting {id} or saved search {savedSearchId} was not found"))
           .RequireScope(AccessScopes.JobsRead).WithSummary("Why a job does or does not match each of your saved searches, criterion by criterion");
        return api;
    }

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (bool? unreadOnly, int? limit, HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(await alerts.ListAsync(UserIds.Require(http), unreadOnly ?? false, limit ?? 50, ct)))
           .WithSummary("Your alert queue, newest first, with the unread count (alerts missed while away are here)");
        api.MapPost("/notifications/{id:guid}/read", async (Guid id, HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                await alerts.MarkReadAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { read = true }) : ApiResults.NotFound($"Notification {id} was not found"))
           .WithSummary("Marks one alert read").OwnAccount();
        api.MapPost("/notifications/read-all", async (HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(new { marked = await alerts.MarkAllReadAsync(UserIds.Require(http), ct) }))
           .WithSummary("Marks every alert read").OwnAccount();
        api.MapGet("/alert-preferences", async (HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(await alerts.GetPreferencesAsync(UserIds.Require(http), ct)))
           .WithSummary("How you want in-app alerts: playSound (a short sound with the toast of a new matching job)");
        api.MapPut("/alert-preferences", async (AlertPreferencesDto preferences, HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(await alerts.SetPreferencesAsync(UserIds.Require(http), preferences, ct)))
           .WithSummary("Changes your in-app alert preferences").OwnAccount();
        return api;
    }
}
