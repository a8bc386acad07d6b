using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// <c>POST /graphql</c> with a bearer token and, when known, <c>X-Upwork-API-TenantId</c> (docs/upwork-api.md §1.6, §2.1).
/// GraphQL answers 200 even for errors: this client sorts them into what the caller must do — refresh (401), give up
/// on a missing permission, or keep the good part of partial data. Retries and pacing live in the HTTP pipeline.
/// </summary>
internal sealed class UpworkGraphQlClient(HttpClient http, IOptions<UpworkOptions> options, TimeProvider time)
{
    public async Task<GraphQlResult> SendAsync(UpworkCall call, string accessToken, string? tenantId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.GraphQlUrl)
        {
            Content = JsonContent.Create(new { query = call.Query, variables = call.Variables, operationName = call.OperationName }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(tenantId)) request.Headers.Add("X-Upwork-API-TenantId", tenantId);
        request.Options.Set(UpworkRequest.Operation, call.OperationName);
        request.Options.Set(UpworkRequest.Category, call.Category);
        if (call.NeverRetry) request.Options.Set(UpworkRequest.NoRetry, true);

        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new UpworkUnauthorizedException();
        if (!response.IsSuccessStatusCode)
            throw new UpworkApiException($"Upwork answered HTTP {(int)response.StatusCode} to {call.OperationName}.", (int)response.StatusCode,
                UpworkRequest.RetryAfter(response, time.GetUtcNow()));

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var errors = doc.RootElement.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(GraphQlError.From).ToList()
            : [];
        var data = doc.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : (JsonElement?)null;

        if (errors.FirstOrDefault(x => x.Message.Contains("enough oauth2 permissions", StringComparison.OrdinalIgnoreCase)) is { } denied)
            throw new UpworkPermissionException(denied.Message);
        if (errors.Any(x => x.Message.Contains("Authentication failed", StringComparison.OrdinalIgnoreCase)
                            || x.Message.Contains("invalid token", StringComparison.OrdinalIgnoreCase)))
            throw new UpworkUnauthorizedException();
        if (data is null && errors.Count > 0)
            throw new UpworkApiException($"Upwork refused {call.OperationName}: {errors[0].Message}", 200, null);
        // graphql-java answers a failed resolver on a nullable root field with {"data":{"<root>":null},"errors":[…]}
        // (docs/upwork-api.md §2.1): that is a failure, never an empty result. A nulled node deeper down (an error whose
        // path goes below the root) is partial data and stays the caller's to use.
        if (errors.Count > 0 && data is { } answered && FailedRoot(answered, errors) is { } failed)
            throw new UpworkApiException($"Upwork could not answer {call.OperationName}: {failed.Message}", 200, null);
        return new GraphQlResult(data, errors);
    }

    /// <summary>The error behind a root field that came back null (one on that root or below it, else one naming no field).</summary>
    private static GraphQlError? FailedRoot(JsonElement data, IReadOnlyList<GraphQlError> errors)
    {
        foreach (var root in data.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null))
            if ((errors.FirstOrDefault(e => e.Path == root.Name || e.Path?.StartsWith(root.Name + ".", StringComparison.Ordinal) == true)
                 ?? errors.FirstOrDefault(e => e.Path is null)) is { } error)
                return error;
        return null;
    }
}

/// <summary>One GraphQL operation to send.</summary>
internal sealed record UpworkCall(string OperationName, string Query, object? Variables, string Category, bool NeverRetry = false);

/// <summary>The data (possibly partial) and the errors that came with it.</summary>
internal sealed record GraphQlResult(JsonElement? Data, IReadOnlyList<GraphQlError> Errors);

/// <summary>One <c>errors[]</c> entry.</summary>
internal sealed record GraphQlError(string Message, string? Classification, string? Path)
{
    public static GraphQlError From(JsonElement e) => new(
        e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
        e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object && x.TryGetProperty("classification", out var c) ? c.ToString() : null,
        e.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array ? string.Join('.', p.EnumerateArray().Select(s => s.ToString())) : null);
}

/// <summary>Upwork answered with an error that survived the retries.</summary>
internal class UpworkApiException(string message, int status, TimeSpan? retryAfter) : Exception(message)
{
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>401 <c>{"message":"Authentication failed"}</c>: the access token is expired or revoked.</summary>
internal sealed class UpworkUnauthorizedException() : UpworkApiException("Upwork did not accept the access token.", 401, null);

/// <summary>The key lacks a permission (scope) the query needs; retrying cannot help.</summary>
internal sealed class UpworkPermissionException(string message) : UpworkApiException(message, 200, null);
