using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAi.Http;

namespace FakeAi.AnthropicWire;

/// <summary>Anthropic's <c>POST /v1/messages</c>: whole messages and named-event streams.</summary>
internal sealed class MessagesWire : IWire
{
    public static readonly MessagesWire Instance = new();

    public string Provider => FakeAiProviders.Anthropic;

    /// <summary>The key from <c>x-api-key</c>, else from <c>Authorization: Bearer</c> (which the official C# SDK sends).</summary>
    public static string? ApiKey(HttpContext http)
    {
        var header = http.Request.Headers["x-api-key"].ToString();
        return header.Length > 0 ? header : HttpBits.BearerKey(http);
    }

    public static WireError? Authorize(string? key, FakeAiOptions options) =>
        key is null ? AnthropicErrors.NoKey() : key == options.AnthropicKey ? null : AnthropicErrors.WrongKey();

    public ParsedRequest Parse(HttpContext http, string rawBody, ServerContext context)
    {
        var request = new FakeAiRequest
        {
            Provider = Provider,
            Path = http.Request.Path.Value ?? "",
            Method = http.Request.Method,
            ApiKey = ApiKey(http),
            Headers = HttpBits.Headers(http),
            RawBody = rawBody,
            ReceivedAt = context.Now,
        };

        var error = Authorize(request.ApiKey, context.Options);
        if (error is null && string.IsNullOrEmpty(http.Request.Headers["anthropic-version"].ToString()))
        {
            error = AnthropicErrors.NoVersion();
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(rawBody) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return new ParsedRequest(request, error ?? AnthropicErrors.BadJson());
        }

        var messages = new List<FakeAiMessage>();
        if (body["messages"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                messages.Add(new FakeAiMessage(HttpBits.String(item["role"]) ?? "", HttpBits.ContentText(item["content"])));
            }
        }

        var topLevel = body["system"] switch
        {
            JsonArray blocks => string.Join("\n\n", blocks.OfType<JsonObject>().Select(b => HttpBits.String(b["text"]) ?? "")),
            var node => HttpBits.String(node),
        };
        var systems = new[] { topLevel }.Concat(messages.Where(m => m.Role == "system").Select(m => m.Text))
            .Where(s => !string.IsNullOrEmpty(s)).ToList();
        request = request with
        {
            Model = HttpBits.String(body["model"]),
            System = systems.Count == 0 ? null : string.Join("\n\n", systems),
            Messages = messages,
            Stream = HttpBits.Bool(body["stream"]) == true,
            MaxTokens = HttpBits.Integer(body["max_tokens"]),
            Temperature = HttpBits.Number(body["temperature"]),
            InputChars = (topLevel?.Length ?? 0) + messages.Sum(m => m.Text.Length),
        };

        error ??= Validate(body, request, context.Options);
        return new ParsedRequest(request, error);
    }

    public void AddResponseHeaders(HttpContext http) => http.Response.Headers["request-id"] = Ids.AnthropicRequest();

    public Task WriteErrorAsync(HttpContext http, WireError error) => WriteError(http, error);

    public WireError FaultError(FakeAiFault fault, FakeAiRequest request) => AnthropicErrors.ForFault(fault, request);

    public Task WriteCompletionAsync(HttpContext http, FakeAiRequest request, ReplyPlan plan, ServerContext context)
    {
        var body = new JsonObject
        {
            ["id"] = Ids.Message(),
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = request.Model,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = plan.Text }),
            ["stop_reason"] = StopReason(plan),
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = plan.Usage.InputTokens, ["output_tokens"] = plan.Usage.OutputTokens },
        };
        return JsonOut.WriteAsync(http, StatusCodes.Status200OK, body);
    }

    public IEnumerable<SseFrame> StreamFrames(FakeAiRequest request, ReplyPlan plan, ServerContext context)
    {
        static SseFrame Event(string name, JsonObject data, bool content = false) => new(name, JsonOut.Serialize(data), content);

        yield return Event("message_start", new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = Ids.Message(),
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = request.Model,
                ["content"] = new JsonArray(),
                ["stop_reason"] = null,
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = plan.Usage.InputTokens, ["output_tokens"] = 1 },
            },
        });
        yield return Event("content_block_start", new JsonObject
        {
            ["type"] = "content_block_start",
            ["index"] = 0,
            ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
        });
        yield return Event("ping", new JsonObject { ["type"] = "ping" });
        foreach (var piece in plan.Chunks)
        {
            yield return Event(
                "content_block_delta",
                new JsonObject
                {
                    ["type"] = "content_block_delta",
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
                },
                content: true);
        }

        yield return Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 });
        yield return Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(plan), ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = plan.Usage.OutputTokens },
        });
        yield return Event("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    internal static Task WriteError(HttpContext http, WireError error)
    {
        var requestId = Ids.AnthropicRequest();
        http.Response.Headers["request-id"] = requestId;
        if (error.Status == StatusCodes.Status429TooManyRequests)
        {
            var reset = DateTimeOffset.UtcNow + (error.RetryAfter ?? TimeSpan.FromSeconds(20));
            http.Response.Headers["anthropic-ratelimit-requests-limit"] = "50";
            http.Response.Headers["anthropic-ratelimit-requests-remaining"] = "0";
            http.Response.Headers["anthropic-ratelimit-requests-reset"] = reset.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        if (error.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = HttpBits.Seconds(retryAfter);
        }

        return JsonOut.WriteAsync(http, error.Status, new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = error.Type, ["message"] = error.Message },
            ["request_id"] = requestId,
        });
    }

    private static WireError? Validate(JsonObject body, FakeAiRequest request, FakeAiOptions options)
    {
        if (body["max_tokens"] is null)
        {
            return AnthropicErrors.Missing("max_tokens");
        }

        if (request.MaxTokens is not { } maxTokens)
        {
            return AnthropicErrors.Invalid("max_tokens", "Input should be a valid integer");
        }

        if (maxTokens < 1)
        {
            return AnthropicErrors.Invalid("max_tokens", "Input should be greater than or equal to 1");
        }

        if (body["messages"] is null)
        {
            return AnthropicErrors.Missing("messages");
        }

        if (body["messages"] is not JsonArray messages)
        {
            return AnthropicErrors.Invalid("messages", "Input should be a valid list");
        }

        if (messages.Count == 0)
        {
            return AnthropicErrors.Invalid("messages", "at least one message is required");
        }

        if (body["model"] is null)
        {
            return AnthropicErrors.Missing("model");
        }

        if (request.Model is null)
        {
            return AnthropicErrors.Invalid("model", "Input should be a valid string");
        }

        return options.UnknownModels.Contains(request.Model) ? AnthropicErrors.UnknownModel(request.Model) : null;
    }

    private static string StopReason(ReplyPlan plan) => plan.Truncated ? "max_tokens" : "end_turn";
}
