using System.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Shared.Telemetry;

/// <summary>
/// The API metrics of docs/specification.md §8 in Prometheus form: <c>api_requests_total{endpoint,method,status}</c> and the
/// <c>api_response_time_seconds{endpoint,method}</c> histogram. <c>endpoint</c> is the route pattern, not the
/// raw path, so ids do not explode the label set.
/// </summary>
public static class ApiMetrics
{
    private static readonly Counter Requests = Metrics.CreateCounter(
        "api_requests_total", "API requests served.", new CounterConfiguration { LabelNames = ["endpoint", "method", "status"] });

    private static readonly Histogram ResponseTime = Metrics.CreateHistogram(
        "api_response_time_seconds", "API response time in seconds.", new HistogramConfiguration
        {
            LabelNames = ["endpoint", "method"],
            Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
        });

    private const string EndpointKey = "ApiMetrics.Endpoint";

    /// <summary>Runs after routing: remembers the route pattern before an exception handler clears the endpoint.</summary>
    internal static Task CaptureEndpointAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint() is RouteEndpoint route) http.Items[EndpointKey] = "/" + route.RoutePattern.RawText?.TrimStart('/');
        return next(http);
    }

    /// <summary>Runs first: times the request and counts it with its final status code.</summary>
    internal static async Task MiddlewareAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/health"))
        {
            await next(http);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var endpoint = http.Items.TryGetValue(EndpointKey, out var pattern) ? (string)pattern! : "unmatched";
            // Only standard methods become label values: arbitrary ones would grow the series without bound.
            var method = http.Request.Method switch
            {
                "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" => http.Request.Method,
                _ => "OTHER",
            };
            Requests.WithLabels(endpoint, method, http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            ResponseTime.WithLabels(endpoint, method).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
