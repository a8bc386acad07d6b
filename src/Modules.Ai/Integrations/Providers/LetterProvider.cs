using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Writing;

namespace Modules.Ai.Integrations.Providers;

/// <summary>A writer behind one interface: OpenAI, Anthropic, an OpenAI-compatible server, or the offline writer.</summary>
internal interface ILetterProvider
{
    /// <summary>One of <see cref="Contracts.Ai.AiProviderKinds"/>.</summary>
    string Kind { get; }

    /// <summary>
    /// Streams the answer: text pieces as they come, then (when the provider reports it) one piece with the usage.
    /// Throws <see cref="ProviderException"/> for anything that should move the chain on.
    /// </summary>
    IAsyncEnumerable<ProviderChunk> StreamAsync(ProviderCall call, CancellationToken ct);
}

/// <summary>Everything one provider call needs. The key is only ever here, never logged (see <see cref="ToString"/>).</summary>
internal sealed record ProviderCall(string Model, string? ApiKey, Uri? BaseUrl, bool UserSuppliedUrl, Prompt Prompt, int MaxTokens, double Temperature)
{
    public override string ToString() => $"{Model} at {BaseUrl?.Host ?? "default"}";
}

/// <summary>A system message with the rules and a user message with the delimited material.</summary>
internal sealed record Prompt(string System, string User, LetterInputs Inputs)
{
    /// <summary>Both messages, as stored with the generation.</summary>
    public string Text => $"[system]\n{System}\n\n[user]\n{User}";
}

/// <summary>A piece of the stream: text, or the token usage the provider reported.</summary>
internal sealed record ProviderChunk(string? Text, int? InputTokens = null, int? OutputTokens = null);

/// <summary>Why a provider could not write: the chain moves on, and records the reason.</summary>
internal sealed class ProviderException(string reason, bool retryable, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(reason, inner)
{
    /// <summary>A 429, a 5xx, a timeout or a dropped connection: worth another attempt.</summary>
    public bool Retryable { get; } = retryable;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The model does not exist at this provider: try the fallback model.</summary>
    public bool UnknownModel { get; init; }

    public static ProviderException FromStatus(int status, string provider, TimeSpan? retryAfter, Exception inner) => status switch
    {
        401 or 403 => new($"{provider} refused the API key ({status})", false, null, inner),
        404 => new($"{provider} does not know this model (404)", false, null, inner) { UnknownModel = true },
        429 => new($"{provider} is rate-limiting us (429)", true, retryAfter, inner),
        >= 500 => new($"{provider} failed ({status})", true, retryAfter, inner),
        0 => new($"{provider} could not be reached: {inner.Message}", true, null, inner),
        _ => new($"{provider} rejected the request ({status})", false, null, inner),
    };
}
