using System.Text.RegularExpressions;

namespace Shared.Api;

/// <summary>
/// <c>X-Request-Id</c> in and out: a well-formed incoming id is kept (so a caller can correlate), anything else
/// is replaced by a new one; it becomes <see cref="HttpContext.TraceIdentifier"/> and a log scope.
/// </summary>
public static partial class RequestIds
{
    /// <summary>The header name.</summary>
    public const string Header = "X-Request-Id";

    /// <summary>The request id of the current request.</summary>
    public static string Get(HttpContext http) => http.TraceIdentifier;

    internal static async Task MiddlewareAsync(HttpContext http, RequestDelegate next)
    {
        var incoming = http.Request.Headers[Header].ToString();
        var id = IsAcceptable(incoming) ? incoming : Guid.NewGuid().ToString();
        http.TraceIdentifier = id;
        // Set when the response starts, so error handling (which clears headers) cannot drop it.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Shared.Api.RequestIds");
        using (log.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
            await next(http);
    }

    private static bool IsAcceptable(string value) => value.Length is > 0 and <= 64 && SafeId().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeId();
}
