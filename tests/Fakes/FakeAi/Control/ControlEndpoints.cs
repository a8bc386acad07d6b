using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAi.Http;

namespace FakeAi.Control;

/// <summary>
/// Unauthenticated <c>/__fake/*</c> endpoints that drive a fake running in another process (demos, browser tests):
/// the script, the fault queue and the log.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/__fake";

    public static void Map(WebApplication app, ServerContext context)
    {
        app.MapGet(Prefix + "/log", http => JsonOut.WriteAsync(http, StatusCodes.Status200OK, Log(context.Log)));
        app.MapPost(Prefix + "/log/reset", http =>
        {
            context.Log.Reset();
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGet(Prefix + "/script", http => JsonOut.WriteAsync(http, StatusCodes.Status200OK, Script(context.Script)));
        app.MapPost(Prefix + "/script", http => ChangeScriptAsync(http, context.Script));
        app.MapPost(Prefix + "/faults", http => EnqueueFaultAsync(http, context.Script));
        app.MapDelete(Prefix + "/faults", http =>
        {
            context.Script.Clear();
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Body: any of <c>reset</c> (true: defaults first), <c>reply</c> (fixed text; null for the default letter),
    /// <c>chunkSize</c>, <c>chunkDelayMs</c>, <c>firstByteDelayMs</c>, <c>usageInStream</c>.
    /// </summary>
    private static async Task ChangeScriptAsync(HttpContext http, FakeAiScript script)
    {
        if (await ReadObjectAsync(http) is not { } body)
        {
            return;
        }

        if (HttpBits.Bool(body["reset"]) == true)
        {
            script.Reset();
        }

        if (body.ContainsKey("reply"))
        {
            var reply = HttpBits.String(body["reply"]);
            script.Reply = reply is null ? FakeAiScript.DefaultReply : _ => reply;
        }

        if (HttpBits.Integer(body["chunkSize"]) is { } size)
        {
            script.ChunkSize = Math.Max(1, size);
        }

        if (HttpBits.Integer(body["chunkDelayMs"]) is { } chunkDelay)
        {
            script.ChunkDelay = TimeSpan.FromMilliseconds(Math.Max(0, chunkDelay));
        }

        if (HttpBits.Integer(body["firstByteDelayMs"]) is { } firstByte)
        {
            script.FirstByteDelay = TimeSpan.FromMilliseconds(Math.Max(0, firstByte));
        }

        if (HttpBits.Bool(body["usageInStream"]) is { } usageInStream)
        {
            script.UsageInStream = usageInStream;
        }

        await JsonOut.WriteAsync(http, StatusCodes.Status200OK, Script(script));
    }

    /// <summary>
    /// Body: one of <c>{"status":429,"retryAfterSeconds":2}</c>, <c>{"slowMs":3000}</c>, <c>{"dropAfterChunks":3}</c>,
    /// plus optional <c>times</c> and <c>provider</c> ("openai" | "anthropic").
    /// </summary>
    private static async Task EnqueueFaultAsync(HttpContext http, FakeAiScript script)
    {
        if (await ReadObjectAsync(http) is not { } body)
        {
            return;
        }

        try
        {
            FakeAiFault fault;
            if (HttpBits.Integer(body["status"]) is { } status)
            {
                var retryAfter = HttpBits.Number(body["retryAfterSeconds"]) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                fault = FakeAiFault.Status(status, retryAfter);
            }
            else if (HttpBits.Integer(body["slowMs"]) is { } slow)
            {
                fault = FakeAiFault.Slow(TimeSpan.FromMilliseconds(slow));
            }
            else if (HttpBits.Integer(body["dropAfterChunks"]) is { } after)
            {
                fault = FakeAiFault.DropMidStream(after);
            }
            else
            {
                await BadRequestAsync(http, "Give one of status, slowMs or dropAfterChunks.");
                return;
            }

            script.Enqueue(fault, HttpBits.Integer(body["times"]) ?? 1, HttpBits.String(body["provider"]));
        }
        catch (ArgumentException e)
        {
            await BadRequestAsync(http, e.Message);
            return;
        }

        await JsonOut.WriteAsync(http, StatusCodes.Status200OK, new JsonObject { ["pending"] = script.PendingFaults });
    }

    private static JsonObject Script(FakeAiScript script) => new()
    {
        ["chunkSize"] = script.ChunkSize,
        ["chunkDelayMs"] = script.ChunkDelay.TotalMilliseconds,
        ["firstByteDelayMs"] = script.FirstByteDelay.TotalMilliseconds,
        ["usageInStream"] = script.UsageInStream,
        ["pendingFaults"] = script.PendingFaults,
    };

    private static JsonObject Log(FakeAiLog log) => new()
    {
        ["streamsStarted"] = log.StreamsStarted,
        ["streamsCompleted"] = log.StreamsCompleted,
        ["streamsAbortedByClient"] = log.StreamsAbortedByClient,
        ["streamsDroppedByServer"] = log.StreamsDroppedByServer,
        ["requests"] = new JsonArray([.. log.Requests.Select(r => (JsonNode)new JsonObject
        {
            ["provider"] = r.Provider,
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["model"] = r.Model,
            ["system"] = r.System,
            ["messages"] = new JsonArray([.. r.Messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["text"] = m.Text })]),
            ["stream"] = r.Stream,
            ["includeUsage"] = r.IncludeUsage,
            ["maxTokens"] = r.MaxTokens,
            ["temperature"] = r.Temperature,
            ["apiKey"] = r.ApiKey,
            ["receivedAt"] = r.ReceivedAt,
        })]),
    };

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext http)
    {
        var raw = await HttpBits.ReadBodyAsync(http);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            node = null;
        }

        if (node is JsonObject body)
        {
            return body;
        }

        await BadRequestAsync(http, "Send a JSON object.");
        return null;
    }

    private static Task BadRequestAsync(HttpContext http, string message) =>
        JsonOut.WriteAsync(http, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = message });
}
