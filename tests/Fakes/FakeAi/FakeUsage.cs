namespace FakeAi;

/// <summary>Token usage the fake reports for one answer.</summary>
/// <param name="InputTokens">OpenAI <c>prompt_tokens</c>, Anthropic <c>input_tokens</c>.</param>
/// <param name="OutputTokens">OpenAI <c>completion_tokens</c>, Anthropic <c>output_tokens</c>.</param>
public sealed record FakeUsage(int InputTokens, int OutputTokens)
{
    /// <summary>OpenAI <c>total_tokens</c>.</summary>
    public int TotalTokens => InputTokens + OutputTokens;
}
