namespace FakeAi;

/// <summary>One request the fake received, as the provider would have read it.</summary>
public sealed record FakeAiRequest
{
    /// <summary><see cref="FakeAiProviders.OpenAI"/> or <see cref="FakeAiProviders.Anthropic"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>The request path, e.g. "/v1/chat/completions".</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The <c>model</c> of the body, if any.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// OpenAI: the system and developer messages' text joined by a blank line. Anthropic: the top-level <c>system</c>
    /// (a string or text blocks joined by a blank line), then any <c>system</c>-role messages. Null when there is none.
    /// </summary>
    public string? System { get; init; }

    /// <summary>Every message of <c>messages</c>, in order (system-role ones included).</summary>
    public IReadOnlyList<FakeAiMessage> Messages { get; init; } = [];

    /// <summary>Whether <c>"stream": true</c> was sent.</summary>
    public bool Stream { get; init; }

    /// <summary>OpenAI only: whether <c>stream_options.include_usage</c> was true.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>OpenAI <c>max_completion_tokens</c> (or the older <c>max_tokens</c>); Anthropic <c>max_tokens</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The <c>temperature</c>, if sent.</summary>
    public double? Temperature { get; init; }

    /// <summary>The key from <c>Authorization: Bearer</c> or <c>x-api-key</c>; null when neither was sent.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The request headers (case-insensitive names; repeated values joined by ", ").</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body as received.</summary>
    public string RawBody { get; init; } = "";

    /// <summary>When the fake received it (the options' time provider).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The text of the last user message, or null.</summary>
    public string? LastUserMessage => Messages.LastOrDefault(m => m.Role == "user")?.Text;

    /// <summary>Characters of input the default usage counts: the messages' text, plus Anthropic's top-level system.</summary>
    internal int InputChars { get; init; }
}
