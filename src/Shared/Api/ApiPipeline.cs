using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace Shared.Api;

/// <summary>Registers and wires the API plumbing: envelope errors, request ids, rate limits, size limits.</summary>
public static class ApiPipeline
{
    /// <summary>Adds the services the API pipeline needs.</summary>
    public static IHostApplicationBuilder AddApiPlumbing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Behind a reverse proxy (nginx, an ingress), client address and scheme come from X-Forwarded-* sent by the
        // proxies listed in ForwardedHeaders:KnownProxies (addresses) or ForwardedHeaders:KnownNetworks (CIDR ranges,
        // e.g. the cluster's pod network, where an ingress's address is not fixed); loopback is always trusted.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in KnownProxies(builder.Configuration)) o.KnownProxies.Add(proxy);
            foreach (var network in KnownNetworks(builder.Configuration)) o.KnownIPNetworks.Add(network);
        });
        services.AddProblemDetails();
        // Binding failures throw (instead of a bare 400) so the exception handler can name the field in the envelope.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerIp(options.RateLimit), PerUser(options.RateLimit));
            o.OnRejected = OnRejectedAsync;
        });
        return builder;
    }

    /// <summary>Adds request ids, envelope errors and status pages, limits. Call early, before routing.</summary>
    public static WebApplication UseApiPlumbing(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (ForwardedHeadersEnabled(app.Configuration)) app.UseForwardedHeaders();
        app.Use(RequestIds.MiddlewareAsync);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });
        app.UseWhen(ApiEnvelope.IsApiRequest, api =>
        {
            api.UseStatusCodePages(context => WriteStatusEnvelopeAsync(context.HttpContext));
            api.Use((http, next) => RejectOversizedBody(http, next, options.MaxRequestBodyBytes));
        });
        app.UseWhen(IsPageRequest, pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    // On when asked (ForwardedHeaders:Enabled), or when proxies or networks are named: naming them means there is a proxy.
    private static bool ForwardedHeadersEnabled(IConfiguration configuration) =>
        configuration["ForwardedHeaders:Enabled"] is { Length: > 0 } enabled
            ? bool.Parse(enabled)
            : KnownProxies(configuration).Any() || KnownNetworks(configuration).Any();

    private static IEnumerable<System.Net.IPAddress> KnownProxies(IConfiguration configuration) =>
        from value in List(configuration, "ForwardedHeaders:KnownProxies")
        select System.Net.IPAddress.TryParse(value, out var address) ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{value}\" is not an IP address.");

    private static IEnumerable<System.Net.IPNetwork> KnownNetworks(IConfiguration configuration) =>
        from value in List(configuration, "ForwardedHeaders:KnownNetworks")
        select System.Net.IPNetwork.TryParse(value, out var network) ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{value}\" is not a CIDR range such as 10.0.0.0/8.");

    // A list as an array (KnownNetworks__0=…) or as one comma-separated value (KnownNetworks=10.0.0.0/8,fd00::/8).
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value).OfType<string>();
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    // Status pages are for people: hubs, the circuit, MCP, health and metrics keep their bare status codes.
    private static bool IsPageRequest(HttpContext http) =>
        !ApiEnvelope.IsApiRequest(http) && !http.Request.Path.StartsWithSegments("/hubs") && !http.Request.Path.StartsWithSegments("/_blazor")
        && !Mcp.McpEndpoint.IsMcpRequest(http)
        && !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics");

    private static Task WriteStatusEnvelopeAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var message = status switch
        {
            StatusCodes.Status400BadRequest => "The request is not valid",
            StatusCodes.Status401Unauthorized => "Sign in first: this endpoint needs a valid access token",
            StatusCodes.Status403Forbidden => "You do not have access to this resource",
            StatusCodes.Status404NotFound => $"No API endpoint matches {http.Request.Method} {http.Request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json",
            _ => $"The request failed with status {status}",
        };
        return ApiEnvelope.WriteErrorAsync(http, status, message);
    }

    private static Task RejectOversizedBody(HttpContext http, RequestDelegate next, long limit)
    {
        if (http.Request.ContentLength > limit)
            return ApiEnvelope.WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge,
                $"The request body is too large: {http.Request.ContentLength} bytes, the limit is {limit}");
        // Chunked bodies carry no length: the server stops reading at the limit (a 413 through the exception handler).
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        return next(http);
    }

    private static PartitionedRateLimiter<HttpContext> PerIp(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            !IsLimited(http)
                ? RateLimitPartition.GetNoLimiter("pages")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => Window(limits.PerIpPerMinute)));

    private static PartitionedRateLimiter<HttpContext> PerUser(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            IsLimited(http) && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
                ? RateLimitPartition.GetFixedWindowLimiter("user:" + user, _ => Window(limits.PerUserPerMinute))
                : RateLimitPartition.GetNoLimiter("anonymous"));

    // The API and the MCP endpoint (agents calling tools) share the per-address and per-user limits.
    private static bool IsLimited(HttpContext http) => ApiEnvelope.IsApiRequest(http) || Mcp.McpEndpoint.IsMcpRequest(http);

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!ApiEnvelope.IsApiRequest(context.HttpContext))
        {
            // A form post from a page (the /account/* limiter): a plain answer a person can read.
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync($"Too many attempts: try again in {seconds} s", ct);
            return;
        }
        await ApiEnvelope.WriteErrorAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
            $"Too many requests: try again in {seconds} s");
    }
}
