namespace FakeAi;

/// <summary>The provider names the fake uses in <see cref="FakeAiRequest.Provider"/>, fault filters and counters.</summary>
public static class FakeAiProviders
{
    /// <summary>OpenAI Chat Completions (and OpenAI-compatible local servers).</summary>
    public const string OpenAI = "openai";

    /// <summary>Anthropic Messages.</summary>
    public const string Anthropic = "anthropic";
}
