namespace FakeAi.Http;

/// <summary>Everything the endpoints of one server share.</summary>
internal sealed class ServerContext(FakeAiOptions options, FakeAiScript script, FakeAiLog log)
{
    public const string ChatCompletionsPath = "/v1/chat/completions";
    public const string MessagesPath = "/v1/messages";
    public const string ModelsPath = "/v1/models";

    public FakeAiOptions Options { get; } = options;

    public FakeAiScript Script { get; } = script;

    public FakeAiLog Log { get; } = log;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();
}
