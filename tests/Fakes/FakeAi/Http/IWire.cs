namespace FakeAi.Http;

/// <summary>One provider's wire protocol for a generation endpoint.</summary>
internal interface IWire
{
    string Provider { get; }

    ParsedRequest Parse(HttpContext http, string rawBody, ServerContext context);

    /// <summary>Headers every answer of the provider carries (request id and the like); errors add their own.</summary>
    void AddResponseHeaders(HttpContext http);

    Task WriteErrorAsync(HttpContext http, WireError error);

    WireError FaultError(FakeAiFault fault, FakeAiRequest request);

    Task WriteCompletionAsync(HttpContext http, FakeAiRequest request, ReplyPlan plan, ServerContext context);

    IEnumerable<SseFrame> StreamFrames(FakeAiRequest request, ReplyPlan plan, ServerContext context);
}
