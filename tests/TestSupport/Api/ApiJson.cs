using System.Net.Http.Json;
using System.Text.Json;
using Shared.Api;

namespace TestSupport.Api;

/// <summary>
/// Reads <c>/api/v1</c> payloads into typed records instead of walking a <see cref="JsonElement"/> by hand. The options are
/// as strict as <c>GetProperty</c> was: names match the API's camelCase exactly, a field a record requires but the
/// response lacks fails, and a null where the record says non-null fails. Tests that check a field's name or the
/// envelope's shape on purpose (the API contract, casing) keep reading JSON. A parameter with a default value is
/// optional, so a record that a test reads for a default-looking value (false, null) declares it without one
/// (<see cref="ProfileView"/> rather than <c>Contracts.Identity.FreelancerProfile</c>).
/// </summary>
public static class ApiJson
{
    /// <summary>camelCase, case-sensitive, constructor parameters required and nullability respected.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>This JSON (usually an envelope's <c>data</c>) as a <typeparamref name="T"/>; a JSON null fails.</summary>
    public static T As<T>(this JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    /// <summary>A JSON text (an SSE event's data) as a <typeparamref name="T"/>.</summary>
    public static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    /// <summary>The whole envelope, its payload typed as <typeparamref name="T"/> (null on errors).</summary>
    public static async Task<ApiResponse<T>> ReadEnvelopeAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<ApiResponse<T>>(Options)
        ?? throw new JsonException($"{(int)response.StatusCode}: the body is not an envelope.");

    /// <summary>The payload of a successful response; fails with the status and body otherwise.</summary>
    public static async Task<T> ReadDataAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var envelope = JsonSerializer.Deserialize<ApiResponse<T>>(body, Options);
        return envelope is { Success: true, Data: { } data }
            ? data
            : throw new InvalidOperationException($"Expected data, got {(int)response.StatusCode}: {body}");
    }

    /// <summary>The field errors of a failed response (<see cref="ApiFieldError"/>: the field as the client sent it, and why).</summary>
    public static async Task<IReadOnlyList<ApiFieldError>> ReadErrorsAsync(this HttpResponseMessage response) =>
        (await response.ReadEnvelopeAsync<JsonElement?>()).Errors ?? [];
}
