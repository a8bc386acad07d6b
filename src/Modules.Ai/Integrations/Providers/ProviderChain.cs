using Contracts.Ai;
using Contracts.Identity;
using Modules.Ai.Data;

namespace Modules.Ai.Integrations.Providers;

/// <summary>One provider the chain will try, with the model(s), key and address to use.</summary>
internal sealed record ChainStep(string Kind, string Name, IReadOnlyList<string> Models, string? ApiKey, Uri? BaseUrl, bool UserSuppliedUrl, bool Paid, string KeySource)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"{Kind} ({string.Join(" → ", Models)}, key from {KeySource})";
}

/// <summary>A provider left out of the chain for this user, and why (shown in the AI page and stored with the generation).</summary>
internal sealed record ChainSkip(string Kind, string Reason);

/// <summary>
/// Works out the chain for a user: the order (theirs, else the workspace's), each provider's model, and its key —
/// the user's own first, then the workspace's stored key, then the one in configuration; a provider with no key is
/// skipped. The offline writer is always last, so something is always written.
/// </summary>
internal sealed class ProviderChain(IApiKeyVault vault, IOptionsMonitor<AiOptions> options)
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [AiProviderKinds.OpenAI] = "OpenAI",
        [AiProviderKinds.Anthropic] = "Anthropic",
        [AiProviderKinds.OpenAICompatible] = "Local model",
        [AiProviderKinds.Offline] = "Offline writer",
    };

    public static IReadOnlyList<string> Order(string? configured)
    {
        var order = (configured ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant()).Where(AiProviderKinds.All.Contains).Distinct().ToList();
        if (order.Count == 0) order = [.. AiProviderKinds.All];
        order.Remove(AiProviderKinds.Offline);
        order.Add(AiProviderKinds.Offline);
        return order;
    }

    /// <summary>The stored keys the user may use, one per provider (theirs before the workspace's).</summary>
    public Task<IReadOnlyDictionary<string, ProviderCredential>> KeysAsync(Guid userId, CancellationToken ct) => vault.GetAllAsync(userId, ct);

    public async Task<(IReadOnlyList<ChainStep> Steps, IReadOnlyList<ChainSkip> Skipped)> PlanAsync(
        Guid userId, AiSettings? settings, string? only, CancellationToken ct) => Plan(await KeysAsync(userId, ct), settings, only);

    public (IReadOnlyList<ChainStep> Steps, IReadOnlyList<ChainSkip> Skipped) Plan(
        IReadOnlyDictionary<string, ProviderCredential> keys, AiSettings? settings, string? only)
    {
        var o = options.CurrentValue;
        var order = Order(settings?.ProviderOrder ?? o.ProviderOrder);
        if (only is not null) order = only == AiProviderKinds.Offline ? [AiProviderKinds.Offline] : [only, AiProviderKinds.Offline];
        var steps = new List<ChainStep>();
        var skipped = new List<ChainSkip>();
        foreach (var kind in order)
        {
            var step = kind switch
            {
                AiProviderKinds.OpenAI => Keyed(keys.GetValueOrDefault(kind), kind, o.OpenAI, [settings?.OpenAIModel ?? o.OpenAI.Model ?? "gpt-4o", o.OpenAI.FallbackModel]),
                AiProviderKinds.Anthropic => Keyed(keys.GetValueOrDefault(kind), kind, o.Anthropic, [settings?.AnthropicModel ?? o.Anthropic.Model ?? "claude-sonnet-4-5", o.Anthropic.FallbackModel]),
                AiProviderKinds.OpenAICompatible => Compatible(keys.GetValueOrDefault(kind), settings, o),
                _ => new ChainStep(AiProviderKinds.Offline, Names[AiProviderKinds.Offline], [OfflineWriter.Model], null, null, false, false, "none needed"),
            };
            if (step is null)
                skipped.Add(new ChainSkip(kind, kind == AiProviderKinds.OpenAICompatible
                    ? "no server address: add one in AI settings or with your key"
                    : "no API key: add yours under Account → API keys, or ask the admin for a workspace key"));
            else steps.Add(step);
        }
        return (steps, skipped);
    }

    private static ChainStep? Keyed(ProviderCredential? stored, string kind, ProviderOptions config, string?[] models)
    {
        var modelList = models.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!).Distinct().ToList();
        if (stored is not null)
        {
            // A workspace key and its address were stored by an admin; a user's own address is treated as untrusted.
            var url = Parse(stored.BaseUrl) ?? Parse(config.BaseUrl);
            var userUrl = stored.Source == "user" && Parse(stored.BaseUrl) is not null;
            return new ChainStep(kind, Names[kind], modelList, stored.ApiKey, url, userUrl, true, stored.Source);
        }
        return string.IsNullOrWhiteSpace(config.ApiKey) ? null
            : new ChainStep(kind, Names[kind], modelList, config.ApiKey, Parse(config.BaseUrl), false, true, "configuration");
    }

    private static ChainStep? Compatible(ProviderCredential? stored, AiSettings? settings, AiOptions o)
    {
        var kind = AiProviderKinds.OpenAICompatible;
        var model = settings?.CompatibleModel ?? o.OpenAICompatible.Model ?? "llama3.1";
        if (Parse(stored?.BaseUrl) is { } storedUrl)
            return new ChainStep(kind, Names[kind], [model], stored!.ApiKey, storedUrl, stored.Source == "user", false, stored.Source);
        if (Parse(settings?.CompatibleBaseUrl) is { } mine)
            return new ChainStep(kind, Names[kind], [model], stored?.ApiKey, mine, true, false, "your settings");
        return Parse(o.OpenAICompatible.BaseUrl) is { } configured
            ? new ChainStep(kind, Names[kind], [model], stored?.ApiKey ?? o.OpenAICompatible.ApiKey, configured, false, false, "configuration")
            : null;
    }

    private static Uri? Parse(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
}
