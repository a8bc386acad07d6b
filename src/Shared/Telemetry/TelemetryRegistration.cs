using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Shared.Telemetry;

/// <summary>Logs, traces and metrics.</summary>
public static class TelemetryRegistration
{
    /// <summary>The activity source and meter name modules use for their own spans and instruments.</summary>
    public const string SourceName = "UpworkAssistant";

    /// <summary>
    /// JSON console logs when <c>Logging:Json</c> is true; OpenTelemetry traces and metrics for ASP.NET Core, HTTP
    /// clients and our own source, exported over OTLP when <c>OpenTelemetry:OtlpEndpoint</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OpenTelemetry:ServiceName"] ?? "upwork-assistant"))
            .WithTracing(t =>
            {
                t.AddSource(SourceName).AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/_blazor"))
                 .AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp)) t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            })
            .WithMetrics(m =>
            {
                m.AddMeter(SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("System.Runtime");
                if (!string.IsNullOrWhiteSpace(otlp)) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        return builder;
    }
}
