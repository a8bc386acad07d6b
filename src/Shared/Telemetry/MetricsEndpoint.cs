using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Shared.Telemetry;

/// <summary>
/// Where Prometheus scrapes (section <c>Metrics</c>). <c>Metrics:Port</c> serves <c>/metrics</c> on a port of its own
/// (for a private network or a sidecar) and no longer on the app's port; <c>Metrics:Token</c> asks for
/// <c>Authorization: Bearer &lt;token&gt;</c> on the app's port. With neither, <c>/metrics</c> is open on the app's port:
/// keep it off the public ingress (deploy/k8s excludes it).
/// </summary>
public sealed class MetricsEndpoint
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Metrics";

    /// <summary>A port of its own for <c>/metrics</c>; the app's port then does not serve it.</summary>
    public int? Port { get; set; }

    /// <summary>A bearer token every scrape on the app's port must present.</summary>
    public string? Token { get; set; }

    internal static void Add(IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Section).Get<MetricsEndpoint>() ?? new MetricsEndpoint();
        builder.Services.AddSingleton(options);
        if (options.Port is { } port)
        {
            if (port is < 1 or > ushort.MaxValue) throw new InvalidOperationException($"Metrics:Port must be a TCP port (1-65535), not {port}.");
            builder.Services.AddMetricServer(o => o.Port = (ushort)port);
        }
    }

    internal static void Map(IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<MetricsEndpoint>();
        if (options.Port is not null) return;
        var endpoint = app.MapMetrics("/metrics");
        if (!string.IsNullOrEmpty(options.Token)) endpoint.Add(b => b.RequestDelegate = RequireToken(options.Token, b.RequestDelegate!));
    }

    private static RequestDelegate RequireToken(string token, RequestDelegate next)
    {
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        return http =>
        {
            var presented = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (CryptographicOperations.FixedTimeEquals(presented, expected)) return next(http);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
            return Task.CompletedTask;
        };
    }
}
