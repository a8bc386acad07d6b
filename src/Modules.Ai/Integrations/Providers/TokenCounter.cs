using Microsoft.ML.Tokenizers;

namespace Modules.Ai.Integrations.Providers;

/// <summary>Counts tokens with the o200k tokenizer when a provider reports no usage (local servers often don't).</summary>
internal static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);
}
