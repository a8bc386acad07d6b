namespace Contracts.Ai;

/// <summary>The provider names used in configuration (<c>Ai:ProviderOrder</c>), keys and generations.</summary>
public static class AiProviderKinds
{
    /// <summary>OpenAI's API.</summary>
    public const string OpenAI = "openai";

    /// <summary>Anthropic's API.</summary>
    public const string Anthropic = "anthropic";

    /// <summary>Any OpenAI-compatible server: Ollama, LM Studio, vLLM, llama.cpp.</summary>
    public const string OpenAICompatible = "openai_compatible";

    /// <summary>The built-in writer that needs no network.</summary>
    public const string Offline = "offline";

    /// <summary>Every kind, in the default fallback order.</summary>
    public static IReadOnlyList<string> All { get; } = [OpenAI, Anthropic, OpenAICompatible, Offline];
}
