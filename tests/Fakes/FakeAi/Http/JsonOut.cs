using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAi.Http;

/// <summary>Writes JSON the way the providers do: compact, UTF-8, apostrophes and non-ASCII letters unescaped.</summary>
internal static class JsonOut
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    public static async Task WriteAsync(HttpContext http, int status, JsonNode node)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(Serialize(node));
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}
