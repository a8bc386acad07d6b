using Contracts.Ai;

namespace Modules.Ai.Integrations.Providers;

/// <summary>
/// Workspace defaults for the AI writer (section <c>Ai</c>). The key names are fixed by design so that any faithful fake
/// can be swapped in: <c>Ai:OpenAI:BaseUrl</c>, <c>Ai:OpenAI:ApiKey</c>, <c>Ai:OpenAI:Model</c>, <c>Ai:OpenAI:FallbackModel</c>,
/// <c>Ai:Anthropic:*</c>, <c>Ai:OpenAICompatible:*</c>, <c>Ai:ProviderOrder</c>.
/// </summary>
internal sealed class AiOptions
{
    public const string Section = "Ai";

    public string ProviderOrder { get; set; } = string.Join(',', AiProviderKinds.All);
    public ProviderOptions OpenAI { get; set; } = new() { BaseUrl = "https://api.openai.com/v1", Model = "gpt-4o", FallbackModel = "gpt-4o-mini" };
    public ProviderOptions Anthropic { get; set; } = new() { BaseUrl = "https://api.anthropic.com", Model = "claude-sonnet-4-5" };
    public ProviderOptions OpenAICompatible { get; set; } = new() { Model = "llama3.1" };

    /// <summary>The specification's AI configuration (docs/specification.md §6): 2,000 tokens at most, temperature 0.7.</summary>
    public int MaxTokens { get; set; } = 2000;
    public double Temperature { get; set; } = 0.7;

    /// <summary>
    /// Whether a base URL a <b>user</b> enters (their own OpenAI-compatible server, or a proxy for their key) may point at
    /// this machine or its private network. Off by default: such a URL could otherwise be used to reach internal
    /// services (SSRF). Base URLs in this configuration file are the admin's and are always allowed.
    /// </summary>
    public bool AllowLocalModels { get; set; }

    /// <summary>Attempts per provider and model for 429, 5xx and timeouts before moving on (not for a refused key).</summary>
    public int Attempts { get; set; } = 2;

    /// <summary>The longest <c>Retry-After</c> we wait; a provider asking for more is skipped for this letter.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a provider may take to send the first token, and to send each next one.</summary>
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Identical requests return the stored letter for this long (the AI cache lifetime of docs/specification.md §5).</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Each user's monthly spending cap on paid providers, in USD; 0 for none.</summary>
    public decimal MonthlySpendingCapUsd { get; set; } = 25m;

    /// <summary>
    /// What a member may do on a key they did not bring (the workspace's stored key or the one in this configuration):
    /// the admin's ceilings, so a member cannot spend the workspace's money by setting no cap, any model or huge answers.
    /// </summary>
    public SharedKeyLimits SharedKeys { get; set; } = new();

    /// <summary>USD per million tokens by model name (longest prefix wins, so <c>gpt-4o</c> prices <c>gpt-4o-2024-08-06</c>).</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class SharedKeyLimits
{
    /// <summary>The most tokens one answer may take on a shared key (a member's higher setting is lowered to this).</summary>
    public int MaxTokens { get; set; } = 2000;

    /// <summary>
    /// The highest monthly spending cap, in USD, a member may have while a shared key is in their chain: a member's cap
    /// of 0 ("none") or above it counts as this. 0 here lifts the ceiling (the member's own cap still applies).
    /// </summary>
    public decimal MonthlySpendingCapUsd { get; set; } = 25m;

    /// <summary>
    /// Models a member may name on a shared key, exactly. Empty (the default): the workspace's configured models and every
    /// model in <see cref="AiOptions.Prices"/>, so a model the workspace cannot price is never run on its money.
    /// </summary>
    public List<string> AllowedModels { get; set; } = [];
}

internal sealed class ProviderOptions
{
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
    public string? Model { get; set; }
    public string? FallbackModel { get; set; }
}

internal sealed class ModelPrice
{
    public decimal Input { get; set; }
    public decimal Output { get; set; }
}
