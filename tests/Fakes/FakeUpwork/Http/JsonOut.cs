using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FakeUpwork.Http;

/// <summary>Writes JSON bodies exactly (no escaping of quotes or apostrophes, like the Java servers behind Upwork).</summary>
internal static class JsonOut
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    public static Task WriteAsync(HttpContext context, int status, JsonNode node) => WriteRawAsync(context, status, Serialize(node));

    public static async Task WriteRawAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>A gateway-style body: <c>{"message":"…"}</c>.</summary>
    public static Task MessageAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new JsonObject { ["message"] = message });

    public static Task TooManyRequestsAsync(HttpContext context, int? retryAfterSeconds, string message = "Too Many Requests")
    {
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return MessageAsync(context, StatusCodes.Status429TooManyRequests, message);
    }
}
