namespace FakeAi;

/// <summary>How a <see cref="FakeAiServer"/> starts. The server reads the instance on every request, so changes apply at once.</summary>
public sealed class FakeAiOptions
{
    /// <summary>The default <see cref="OpenAIKey"/>.</summary>
    public const string DefaultOpenAIKey = "sk-test-openai";

    /// <summary>The default <see cref="AnthropicKey"/>.</summary>
    public const string DefaultAnthropicKey = "sk-ant-test";

    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The only OpenAI key accepted when <see cref="RequireOpenAIKey"/> is true.</summary>
    public string OpenAIKey { get; set; } = DefaultOpenAIKey;

    /// <summary>The only Anthropic key accepted (from <c>x-api-key</c> or <c>Authorization: Bearer</c>).</summary>
    public string AnthropicKey { get; set; } = DefaultAnthropicKey;

    /// <summary>False makes the OpenAI endpoints act as an OpenAI-compatible local server (Ollama etc.): any key, or none.</summary>
    public bool RequireOpenAIKey { get; set; } = true;

    /// <summary>Model names answered with 404 (<c>model_not_found</c> / <c>not_found_error</c>); every other name is accepted.</summary>
    public ISet<string> UnknownModels { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The models <c>GET /v1/models</c> lists for OpenAI clients (minus <see cref="UnknownModels"/>).</summary>
    public IList<string> OpenAIModels { get; set; } = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o4-mini"];

    /// <summary>The models <c>GET /v1/models</c> lists for Anthropic clients (minus <see cref="UnknownModels"/>).</summary>
    public IList<string> AnthropicModels { get; set; } = ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"];

    /// <summary>The clock behind <c>created</c> timestamps and <see cref="FakeAiRequest.ReceivedAt"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
