using Modules.Analytics.Features.ShowDashboard;

namespace Modules.Analytics;

/// <summary>Entry point of the Analytics module; the only public non-component type in it.</summary>
public static class AnalyticsModule
{
    /// <summary>Adds the module's slice handlers.</summary>
    public static IHostApplicationBuilder AddAnalyticsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<ShowDashboard>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/analytics</c>.</summary>
    public static IEndpointRouteBuilder MapAnalyticsModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("analytics", "Analytics").RequireAuthorization();
        api.MapGet("/dashboard", async (ShowDashboard dashboard, CancellationToken ct) => ApiResults.Ok(await dashboard.RunAsync(ct)))
           .WithSummary("Headline numbers and the last 30 days of daily aggregates");
        return app;
    }
}
