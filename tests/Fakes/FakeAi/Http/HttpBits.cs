using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAi.Http;

/// <summary>Reading requests: body, headers, keys and loosely typed JSON values.</summary>
internal static class HttpBits
{
    public static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }

    public static Dictionary<string, string> Headers(HttpContext http)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name] = string.Join(", ", values.ToArray());
        }

        return headers;
    }

    /// <summary>The token of <c>Authorization: Bearer …</c>, or null.</summary>
    public static string? BearerKey(HttpContext http)
    {
        var value = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..].Trim() : null;
    }

    /// <summary>Whole seconds, rounded up, as <c>retry-after</c> carries them.</summary>
    public static string Seconds(TimeSpan value) => ((int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var d) ? d : null;

    /// <summary>An integer value; a non-integral number counts as absent.</summary>
    public static int? Integer(JsonNode? node) =>
        Number(node) is { } d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;

    /// <summary>A string, or the text of an array of parts/blocks (<c>{"type":"text","text":…}</c>) joined without separators.</summary>
    public static string ContentText(JsonNode? content) => content switch
    {
        JsonValue => String(content) ?? "",
        JsonArray parts => string.Concat(parts.OfType<JsonObject>()
            .Where(p => String(p["type"]) is null or "text" or "input_text")
            .Select(p => String(p["text"]) ?? "")),
        _ => "",
    };

    /// <summary>The JSON kind of a value, in the words OpenAI's errors use.</summary>
    public static string KindName(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue v when v.TryGetValue<string>(out _) => "a string",
        JsonValue v when v.TryGetValue<bool>(out _) => "a boolean",
        _ => "a number",
    };
}
