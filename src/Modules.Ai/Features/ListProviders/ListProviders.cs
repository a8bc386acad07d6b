using Contracts.Ai;

namespace Modules.Ai.Features.ListProviders;

/// <summary>
/// The provider chain in the order it will be tried, with whether each is configured. Never returns a key:
/// only whether one is set.
/// </summary>
internal sealed class ListProviders(IConfiguration configuration)
{
    public IReadOnlyList<AiProviderStatus> Run()
    {
        var order = (configuration["Ai:ProviderOrder"] ?? string.Join(',', AiProviderKinds.All))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant())
            .Where(AiProviderKinds.All.Contains)
            .Distinct()
            .ToList();
        // The offline writer is always the last resort, so a fresh install can always write something.
        if (!order.Contains(AiProviderKinds.Offline)) order.Add(AiProviderKinds.Offline);
        return order.Select((kind, i) => Describe(kind, i + 1)).ToList();
    }

    private AiProviderStatus Describe(string kind, int position) => kind switch
    {
        AiProviderKinds.OpenAI => new(kind, "OpenAI", position, HasValue("Ai:OpenAI:ApiKey"), configuration["Ai:OpenAI:Model"] ?? "gpt-4o",
            "Needs an API key (yours or the workspace's)."),
        AiProviderKinds.Anthropic => new(kind, "Anthropic", position, HasValue("Ai:Anthropic:ApiKey"), configuration["Ai:Anthropic:Model"] ?? "claude-sonnet-4-5",
            "Needs an API key (yours or the workspace's)."),
        AiProviderKinds.OpenAICompatible => new(kind, "Local model (OpenAI-compatible)", position, HasValue("Ai:OpenAICompatible:BaseUrl"),
            configuration["Ai:OpenAICompatible:Model"] ?? "llama3.1", "Ollama, LM Studio, vLLM or llama.cpp on a base URL you choose."),
        _ => new(kind, "Offline writer", position, true, "built-in", "Works with no network and no key."),
    };

    private bool HasValue(string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}

internal sealed record AiProviderStatus(string Kind, string Name, int Position, bool Configured, string Model, string Note);
