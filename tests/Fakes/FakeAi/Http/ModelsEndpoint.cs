using System.Globalization;
using System.Text.Json.Nodes;
using FakeAi.AnthropicWire;
using FakeAi.OpenAiWire;

namespace FakeAi.Http;

/// <summary>
/// <c>GET /v1/models</c>, which both providers have: a request with <c>anthropic-version</c> or <c>x-api-key</c> gets
/// Anthropic's page shape and key check, any other OpenAI's list. Clients use it to test a connection.
/// </summary>
internal static class ModelsEndpoint
{
    private static readonly DateTimeOffset Released = new(2025, 5, 14, 0, 0, 0, TimeSpan.Zero);

    public static async Task HandleAsync(HttpContext http, ServerContext context)
    {
        var anthropic = http.Request.Headers.ContainsKey("anthropic-version") || http.Request.Headers.ContainsKey("x-api-key");
        var key = anthropic ? MessagesWire.ApiKey(http) : HttpBits.BearerKey(http);
        context.Log.Add(new FakeAiRequest
        {
            Provider = anthropic ? FakeAiProviders.Anthropic : FakeAiProviders.OpenAI,
            Path = http.Request.Path.Value ?? "",
            Method = http.Request.Method,
            ApiKey = key,
            Headers = HttpBits.Headers(http),
            ReceivedAt = context.Now,
        });

        var options = context.Options;
        if (anthropic)
        {
            if (MessagesWire.Authorize(key, options) is { } error)
            {
                await MessagesWire.WriteError(http, error);
                return;
            }

            var models = options.AnthropicModels.Where(m => !options.UnknownModels.Contains(m)).ToList();
            MessagesWire.Instance.AddResponseHeaders(http);
            await JsonOut.WriteAsync(http, StatusCodes.Status200OK, new JsonObject
            {
                ["data"] = new JsonArray([.. models.Select((m, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "model",
                    ["id"] = m,
                    ["display_name"] = DisplayName(m),
                    ["created_at"] = (Released - TimeSpan.FromDays(i)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                })]),
                ["has_more"] = false,
                ["first_id"] = models.FirstOrDefault(),
                ["last_id"] = models.LastOrDefault(),
            });
        }
        else
        {
            if (ChatCompletionsWire.Authorize(key, options) is { } error)
            {
                await ChatCompletionsWire.WriteError(http, error);
                return;
            }

            ChatCompletionsWire.AddResponseHeaders(http);
            await JsonOut.WriteAsync(http, StatusCodes.Status200OK, new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray([.. options.OpenAIModels.Where(m => !options.UnknownModels.Contains(m)).Select((m, i) => (JsonNode)new JsonObject
                {
                    ["id"] = m,
                    ["object"] = "model",
                    ["created"] = (Released - TimeSpan.FromDays(i)).ToUnixTimeSeconds(),
                    ["owned_by"] = "openai",
                })]),
            });
        }
    }

    /// <summary>"claude-sonnet-4-5" → "Claude Sonnet 4.5".</summary>
    private static string DisplayName(string id)
    {
        var words = id.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var names = words.TakeWhile(w => !char.IsDigit(w[0])).Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var version = string.Join('.', words.SkipWhile(w => !char.IsDigit(w[0])));
        return string.Join(' ', names) + (version.Length > 0 ? " " + version : "");
    }
}
