using System.Text.Json.Serialization;

namespace Shared.Api;

/// <summary>The envelope every <c>/api/v1</c> response uses, success or error (docs/specification.md §3).</summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed record ApiResponse<T>(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("data")] T? Data,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("request_id")] string RequestId)
{
    /// <summary>Field-level problems, present on validation errors only.</summary>
    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ApiFieldError>? Errors { get; init; }
}

/// <summary>One invalid field: its name as the client sent it, and what is wrong with it.</summary>
public sealed record ApiFieldError(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message);
