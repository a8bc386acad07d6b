namespace Shared.Api;

/// <summary>
/// Security headers on every response. The Content-Security-Policy fits Blazor Server and MudBlazor: scripts only
/// from this origin (Blazor and MudBlazor need no inline script), inline styles (MudBlazor writes its theme as a
/// style element), the circuit's WebSocket to this origin, no framing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy sent on page responses.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    internal static Task MiddlewareAsync(HttpContext http, RequestDelegate next)
    {
        var environment = http.RequestServices.GetRequiredService<IHostEnvironment>();
        var httpsOrigin = http.RequestServices.GetRequiredService<Hosting.PublicOrigin>().IsHttps;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The API docs page loads its own bundle and styles; everything else gets the strict policy.
            if (!http.Request.Path.StartsWithSegments("/api/docs")) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // An https public address means the app is only meant to be reached over TLS (a proxy may terminate it).
            if (httpsOrigin || (!environment.IsDevelopment() && http.Request.IsHttps)) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
