using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Shared.Api;

/// <summary>
/// Turns exceptions on <c>/api</c> requests into envelopes: bad requests (unreadable JSON, wrong parameter types,
/// oversized bodies) keep their 4xx status and name the field; anything else is a 500 that carries the request id
/// and never a stack trace. Page requests fall through to the error page.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the original path.
        var originalPath = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path.Value;
        if (originalPath is null || !originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || http.Response.HasStarted) return false;

        if (exception is BadHttpRequestException bad)
        {
            var json = FindJsonException(bad);
            IReadOnlyList<ApiFieldError>? errors = json is null ? null : [new ApiFieldError(FieldFromJsonPath(json.Path), "The value is not valid JSON for this field")];
            var message = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large",
                _ when json is not null => "The request body is not valid JSON",
                _ => BadRequestMessage(bad.Message),
            };
            if (errors is null && ParameterName(bad.Message) is { } parameter)
            {
                errors = [new ApiFieldError(parameter, $"{parameter} is missing or has the wrong type")];
                message = $"Validation failed: {parameter} is missing or has the wrong type";
            }
            await ApiEnvelope.WriteErrorAsync(http, bad.StatusCode, message, errors);
            return true;
        }

        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;

        if (DependencyOutage.Describe(exception) is { } outage)
        {
            // The database or Redis is away for a moment (a restart, a full disk, a busy SQLite file): the caller may
            // retry (each write is one transaction: never half-written). Never a 500 with a stack.
            log.LogWarning("Dependency unavailable on {Method} {Path} (request {RequestId}): {Error}", http.Request.Method, originalPath, RequestIds.Get(http), exception.GetBaseException().Message);
            http.Response.Headers.RetryAfter = "5";
            await ApiEnvelope.WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable, $"{outage} (request id {RequestIds.Get(http)})");
            return true;
        }

        log.LogError(exception, "Unhandled exception on {Method} {Path} (request {RequestId})", http.Request.Method, originalPath, RequestIds.Get(http));
        await ApiEnvelope.WriteErrorAsync(http, StatusCodes.Status500InternalServerError,
            $"An unexpected error occurred. Quote request id {RequestIds.Get(http)} when reporting it.");
        return true;
    }

    // 'Failed to bind parameter "Nullable<int> Limit" from "abc".' / 'Required parameter "int limit" was not provided ...'
    private static string? ParameterName(string message) =>
        ParameterPattern().Match(message) is { Success: true } m ? JsonNamingPolicy.CamelCase.ConvertName(m.Groups["name"].Value) : null;

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();

    private static JsonException? FindJsonException(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException) if (ex is JsonException json) return json;
        return null;
    }

    private static string FieldFromJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    // Minimal APIs' messages name the parameter and its source, e.g. 'Failed to bind parameter "int limit" from "x".'
    // Keep them (they help the caller) but cap the length: they never contain a stack trace.
    private static string BadRequestMessage(string message) => message.Length <= 300 ? message : message[..300];
}
