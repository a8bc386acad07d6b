using Contracts.Ai;
using Contracts.Identity;
using Modules.Ai.Data;

namespace Modules.Ai.Integrations.Providers;

/// <summary>One provider the chain will try, with the model(s), key and address to use.</summary>
internal sealed record ChainStep(string Kind, string Name, IReadOnlyList<string> Models, string? ApiKey, Uri? BaseUrl, bool UserSuppliedUrl, bool Paid, string KeySource)
{
    /// <summary>A paid key the member did not bring (the workspace's or the configuration's): the admin's ceilings apply.</summary>
    public bool Shared => Paid && KeySource != "user";

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
                AiProviderKinds.OpenAI => Keyed(keys.GetValueOrDefault(kind), kind, o, o.OpenAI, settings?.OpenAIModel, "gpt-4o", skipped),
                AiProviderKinds.Anthropic => Keyed(keys.GetValueOrDefault(kind), kind, o, o.Anthropic, settings?.AnthropicModel, "claude-sonnet-4-5", skipped),
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

    private static ChainStep? Keyed(ProviderCredential? stored, string kind, AiOptions o, ProviderOptions config, string? chosen, string builtIn, List<ChainSkip> notes)
    {
        var workspaceModel = config.Model ?? builtIn;
        List<string> Models(string? first) => new[] { first ?? workspaceModel, config.FallbackModel }
            .Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!).Distinct().ToList();
        if (stored is { Source: "user" })
        {
            // The member's own key: any model they name, at their own cost.
            var url = Parse(stored.BaseUrl) ?? Parse(config.BaseUrl);
            return new ChainStep(kind, Names[kind], Models(chosen), stored.ApiKey, url, Parse(stored.BaseUrl) is not null, true, stored.Source);
        }
        string? apiKey = stored?.ApiKey ?? (string.IsNullOrWhiteSpace(config.ApiKey) ? null : config.ApiKey);
        if (apiKey is null) return null;
        // A shared key: only the admin's allowed models run on it; a member's other choice falls back to the workspace's.
        var allowed = AllowedOnSharedKeys(o);
        if (chosen is not null && !allowed.Contains(chosen))
        {
            notes.Add(new ChainSkip(kind, $"{chosen} is not on the workspace key's model list, so {workspaceModel} is used: bring your own key to use any model"));
            chosen = null;
        }
        var models = Models(chosen).Where(allowed.Contains).ToList();
        if (models.Count == 0) return null;
        // A workspace key and its address were stored by an admin and are trusted.
        return stored is not null
            ? new ChainStep(kind, Names[kind], models, apiKey, Parse(stored.BaseUrl) ?? Parse(config.BaseUrl), false, true, stored.Source)
            : new ChainStep(kind, Names[kind], models, apiKey, Parse(config.BaseUrl), false, true, "configuration");
    }

    /// <summary>The models a shared key runs: the admin's list, else the configured models and every priced model.</summary>
    public static IReadOnlySet<string> AllowedOnSharedKeys(AiOptions o)
    {
        if (o.SharedKeys.AllowedModels.Count > 0) return o.SharedKeys.AllowedModels.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { o.OpenAI.Model, o.OpenAI.FallbackModel, o.Anthropic.Model, o.Anthropic.FallbackModel }
            .Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!).Concat(o.Prices.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
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
