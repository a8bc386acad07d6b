using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;

namespace Shared.Api;

/// <summary>Builds envelopes; endpoints return <see cref="ApiResults"/> rather than calling this directly.</summary>
public static class ApiEnvelope
{
    /// <summary>Creates an envelope stamped with the request id and the current time.</summary>
    public static ApiResponse<T> Create<T>(HttpContext http, bool success, T? data, string message)
    {
        var time = http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ApiResponse<T>(success, data, message, time.GetUtcNow(), RequestIds.Get(http));
    }

    /// <summary>Writes an error envelope (no payload) with the given status code.</summary>
    public static Task WriteErrorAsync(HttpContext http, int statusCode, string message, IReadOnlyList<ApiFieldError>? errors = null)
    {
        http.Response.StatusCode = statusCode;
        var envelope = Create<object>(http, false, null, message) with { Errors = errors };
        return http.Response.WriteAsJsonAsync(envelope, SerializerOptions(http));
    }

    /// <summary>The host's JSON options (camelCase), so envelopes and payloads serialise alike.</summary>
    public static JsonSerializerOptions SerializerOptions(HttpContext http) =>
        http.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;

    /// <summary>True for paths under <c>/api</c>, which answer in the envelope rather than with pages.</summary>
    public static bool IsApiRequest(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}
