using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAi.Http;

namespace FakeAi.OpenAiWire;

/// <summary>OpenAI's <c>POST /v1/chat/completions</c>: whole answers and <c>chat.completion.chunk</c> streams.</summary>
internal sealed class ChatCompletionsWire : IWire
{
    public static readonly ChatCompletionsWire Instance = new();

    public string Provider => FakeAiProviders.OpenAI;

    public ParsedRequest Parse(HttpContext http, string rawBody, ServerContext context)
    {
        var request = new FakeAiRequest
        {
            Provider = Provider,
            Path = http.Request.Path.Value ?? "",
            Method = http.Request.Method,
            ApiKey = HttpBits.BearerKey(http),
            Headers = HttpBits.Headers(http),
            RawBody = rawBody,
            ReceivedAt = context.Now,
        };

        // The real API checks the key before it reads the body.
        var error = Authorize(request.ApiKey, context.Options);
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
            return new ParsedRequest(request, error ?? OpenAiErrors.BadJson());
        }

        var messages = new List<FakeAiMessage>();
        if (body["messages"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                messages.Add(new FakeAiMessage(HttpBits.String(item["role"]) ?? "", HttpBits.ContentText(item["content"])));
            }
        }

        var system = string.Join("\n\n", messages.Where(m => m.Role is "system" or "developer").Select(m => m.Text));
        var maxTokens = HttpBits.Integer(body["max_completion_tokens"]) ?? HttpBits.Integer(body["max_tokens"]);
        request = request with
        {
            Model = HttpBits.String(body["model"]),
            System = system.Length == 0 ? null : system,
            Messages = messages,
            Stream = HttpBits.Bool(body["stream"]) == true,
            IncludeUsage = HttpBits.Bool(body["stream_options"]?["include_usage"]) == true,
            MaxTokens = maxTokens,
            Temperature = HttpBits.Number(body["temperature"]),
            InputChars = messages.Sum(m => m.Text.Length),
        };

        error ??= Validate(body, request, context.Options);
        return new ParsedRequest(request, error);
    }

    public Task WriteErrorAsync(HttpContext http, WireError error) => WriteError(http, error);

    public WireError FaultError(FakeAiFault fault, FakeAiRequest request) => OpenAiErrors.ForFault(fault, request);

    void IWire.AddResponseHeaders(HttpContext http) => AddResponseHeaders(http);

    public Task WriteCompletionAsync(HttpContext http, FakeAiRequest request, ReplyPlan plan, ServerContext context)
    {
        var body = new JsonObject
        {
            ["id"] = Ids.ChatCompletion(),
            ["object"] = "chat.completion",
            ["created"] = context.Now.ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = plan.Text, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = FinishReason(plan),
            }),
            ["usage"] = Usage(plan.Usage),
            ["system_fingerprint"] = "fp_fake",
        };
        return JsonOut.WriteAsync(http, StatusCodes.Status200OK, body);
    }

    public IEnumerable<SseFrame> StreamFrames(FakeAiRequest request, ReplyPlan plan, ServerContext context)
    {
        var id = Ids.ChatCompletion();
        var created = context.Now.ToUnixTimeSeconds();
        var usage = request.IncludeUsage && context.Script.UsageInStream;

        JsonObject Chunk(JsonObject delta, string? finishReason)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = request.Model,
                ["system_fingerprint"] = "fp_fake",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["delta"] = delta,
                    ["finish_reason"] = finishReason,
                }),
            };
            if (usage)
            {
                chunk["usage"] = null; // the real API sends "usage":null on every chunk once usage is asked for
            }

            return chunk;
        }

        yield return new SseFrame(null, JsonOut.Serialize(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null)));
        foreach (var piece in plan.Chunks)
        {
            yield return new SseFrame(null, JsonOut.Serialize(Chunk(new JsonObject { ["content"] = piece }, null)), IsContent: true);
        }

        yield return new SseFrame(null, JsonOut.Serialize(Chunk([], FinishReason(plan))));
        if (usage)
        {
            var last = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = request.Model,
                ["system_fingerprint"] = "fp_fake",
                ["choices"] = new JsonArray(),
                ["usage"] = Usage(plan.Usage),
            };
            yield return new SseFrame(null, JsonOut.Serialize(last));
        }

        yield return new SseFrame(null, "[DONE]");
    }

    internal static WireError? Authorize(string? key, FakeAiOptions options) =>
        !options.RequireOpenAIKey || key == options.OpenAIKey ? null
        : key is null ? OpenAiErrors.NoKey()
        : OpenAiErrors.WrongKey(key);

    internal static Task WriteError(HttpContext http, WireError error)
    {
        AddResponseHeaders(http);
        if (error.Status == StatusCodes.Status429TooManyRequests)
        {
            var reset = error.RetryAfter is { } r ? HttpBits.Seconds(r) + "s" : "20s";
            http.Response.Headers["x-ratelimit-limit-requests"] = "500";
            http.Response.Headers["x-ratelimit-remaining-requests"] = "0";
            http.Response.Headers["x-ratelimit-reset-requests"] = reset;
            http.Response.Headers["x-ratelimit-limit-tokens"] = "30000";
            http.Response.Headers["x-ratelimit-remaining-tokens"] = "29000";
            http.Response.Headers["x-ratelimit-reset-tokens"] = "2s";
        }

        if (error.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = HttpBits.Seconds(retryAfter);
        }

        return JsonOut.WriteAsync(http, error.Status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = error.Message,
                ["type"] = error.Type,
                ["param"] = error.Param,
                ["code"] = error.Code,
            },
        });
    }

    internal static void AddResponseHeaders(HttpContext http)
    {
        http.Response.Headers["x-request-id"] = Ids.OpenAIRequest();
        http.Response.Headers["openai-version"] = "2020-10-01";
        http.Response.Headers["openai-organization"] = "org-fake";
    }

    private static WireError? Validate(JsonObject body, FakeAiRequest request, FakeAiOptions options)
    {
        if (body["model"] is null)
        {
            return OpenAiErrors.Missing("model");
        }

        if (request.Model is null)
        {
            return OpenAiErrors.InvalidType("model", "a string", HttpBits.KindName(body["model"]));
        }

        if (body["messages"] is null)
        {
            return OpenAiErrors.Missing("messages");
        }

        if (body["messages"] is not JsonArray messages)
        {
            return OpenAiErrors.InvalidType("messages", "an array", HttpBits.KindName(body["messages"]));
        }

        if (messages.Count == 0)
        {
            return OpenAiErrors.EmptyArray("messages");
        }

        foreach (var name in new[] { "max_completion_tokens", "max_tokens" })
        {
            if (HttpBits.Integer(body[name]) is { } value && value < 1)
            {
                return OpenAiErrors.BelowMinimum(name, value);
            }
        }

        return options.UnknownModels.Contains(request.Model) ? OpenAiErrors.UnknownModel(request.Model) : null;
    }

    private static string FinishReason(ReplyPlan plan) => plan.Truncated ? "length" : "stop";

    private static JsonObject Usage(FakeUsage usage) => new()
    {
        ["prompt_tokens"] = usage.InputTokens,
        ["completion_tokens"] = usage.OutputTokens,
        ["total_tokens"] = usage.TotalTokens,
    };
}
