using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using Shared.Api;
using Shared.Data;
using Shared.Events;
using Shared.Health;
using Shared.Hosting;
using Shared.Jobs;
using Shared.Live;
using Shared.Telemetry;
using Shared.Ui;

namespace Shared;

/// <summary>The host's one call for all shared plumbing; modules add only their own services.</summary>
public static class SharedServices
{
    /// <summary>
    /// Adds the database (provider from <c>Database:Provider</c>), API plumbing, event bus, live updates, hub,
    /// cache, Quartz, telemetry, health checks, data protection keys and <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddShared(this IHostApplicationBuilder builder, IReadOnlyList<Assembly> modules)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Checked at start: Production refuses to run without App:PublicUrl (links in e-mails are built from it).
        // Resolved now, so Production fails at start without App:PublicUrl; the bound address is read only when it is unset.
        var resolved = PublicOrigin.Resolve(builder.Configuration, builder.Environment);
        services.AddSingleton(sp => resolved.IsConfigured ? resolved : PublicOrigin.Resolve(builder.Configuration, builder.Environment, () =>
            sp.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault()));
        builder.AddAppDatabase(new ModuleCatalog(modules));
        builder.AddApiPlumbing();
        builder.AddLiveAndCache();
        builder.AddJobs();
        builder.AddTelemetry();
        Mcp.McpEndpoint.Add(builder);
        MetricsEndpoint.Add(builder);
        services.AddSingleton<IEventBus, InProcessEventBus>();
        services.AddScoped<ThemePreference>();
        services.AddScoped<BrowserTimeZone>();
        services.AddScoped<RelativeTimeTicker>();
        services.AddScoped<CurrentUser>();
        // Re-runs the readiness checks for the app shell's banner and the admin System page (docs/features.md).
        services.AddSingleton(sp => new DependencyMonitor(sp.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DependencyMonitor>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DependencyMonitor>());

        // Keys live in the database: they survive restarts and every instance shares them (cookies, antiforgery). The
        // Identity module seals each key with the master key before it is stored (KeyManagementOptions.XmlEncryptor).
        services.AddDataProtection().SetApplicationName("upwork-assistant").PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>Middleware that must run before routing: request ids, metrics, envelope errors, rate limits.</summary>
    public static WebApplication UseShared(this WebApplication app)
    {
        app.Use(ApiMetrics.MiddlewareAsync);
        app.UseApiPlumbing();
        app.Use(SecurityHeaders.MiddlewareAsync);
        app.UseRouting();
        app.Use(ApiMetrics.CaptureEndpointAsync);
        // Authentication before the rate limiter, so the per-user limit sees the user.
        app.UseAuthentication();
        app.Use(TokenScopes.MiddlewareAsync);   // a personal access token reaches only routes naming its scope
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps health, metrics and the notifications hub.</summary>
    public static IEndpointRouteBuilder MapShared(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        MetricsEndpoint.Map(app);   // on its own port with Metrics:Port, behind a bearer token with Metrics:Token
        app.MapHub<NotificationsHub>(NotificationsHub.Route);
        Mcp.McpEndpoint.Map(app);
        return app;
    }
}
