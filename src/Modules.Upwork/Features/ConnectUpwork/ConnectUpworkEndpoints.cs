using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>The OAuth browser routes, and the connection's API: show, disconnect, import the freelancer profile.</summary>
internal static class ConnectUpworkEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddConnectUpwork(this IServiceCollection services)
    {
        services.AddTransient<ConnectUpwork>().AddTransient<DisconnectUpwork>().AddTransient<SetUpworkPolling>().AddTransient<ShowConnection>().AddTransient<ImportUpworkProfile>();
        services.AddTransient<IUpworkConnectionState, UpworkConnectionState>();
        return services;
    }

    /// <summary>Browser routes of the OAuth flow (not API: they answer with redirects).</summary>
    public static IEndpointRouteBuilder MapConnectUpworkBrowserRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/upwork/connect", (HttpContext http, ConnectUpwork connect) => connect.Start(http, ConnectUpwork.Modes.Connect))
           .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/upwork/signin", (HttpContext http, ConnectUpwork connect) => connect.Start(http, ConnectUpwork.Modes.SignIn))
           .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/upwork/callback", (HttpContext http, ConnectUpwork connect, string? code, string? state, string? error, CancellationToken ct) =>
                connect.CallbackAsync(http, code, state, error, ct))
           .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static RouteGroupBuilder MapConnectUpwork(this RouteGroupBuilder api)
    {
        api.MapGet("/connection", async (HttpContext http, ShowConnection show, CancellationToken ct) =>
                ApiResults.Ok(await show.RunAsync(UserIds.Require(http), ct)))
           .WithSummary("The Upwork connection: account, organization, token health, last sync, searches");
        api.MapDelete("/connection", async (HttpContext http, DisconnectUpwork disconnect, CancellationToken ct) =>
                await disconnect.RunAsync(UserIds.Require(http), ct)
                    ? (IResult)ApiResults.Ok(new { disconnected = true }, "Upwork disconnected")
                    : ApiResults.NotFound("No Upwork account is connected"))
           .WithSummary("Disconnects Upwork, deletes the stored tokens and ends every share of the connection");
        return api;
    }

    public static RouteGroupBuilder MapImportUpworkProfile(this RouteGroupBuilder api)
    {
        api.MapPost("/connection/import-profile", async (HttpContext http, ImportUpworkProfile import, CancellationToken ct) =>
            {
                try
                {
                    var profile = await import.RunAsync(UserIds.Require(http), ct);
                    return (IResult)ApiResults.Ok(new { profile.Id, profile.Title, profile.Skills, profile.HourlyRate }, "Upwork profile imported");
                }
                catch (UpworkNotConnectedException) { return ApiResults.Error(409, "Connect Upwork first"); }
                catch (UpworkReconnectRequiredException ex) { return ApiResults.Error(409, ex.Message); }
                catch (UpworkPermissionException) { return ApiResults.Error(403, "The Upwork key lacks the Freelancer Profile permission"); }
                catch (UpworkBudgetExhaustedException ex) { return ApiResults.Error(429, ex.Message); }
                catch (UpworkRateLimitedException ex) { return ApiResults.Error(429, ex.Message); }
                catch (UpworkPausedException ex) { return ApiResults.Error(423, ex.Message); }
                catch (Exception ex) when (ex is not OperationCanceledException) { return ApiResults.Error(502, "Upwork did not answer as expected; try again in a minute"); }
            })
           .WithSummary("Imports the connected Upwork freelancer profile into a profile (title, overview, skills, rate)");
        return api;
    }
}
