using Contracts.Ai;
using Modules.Ai.Data;
using Modules.Ai.Integrations.Providers;

namespace Modules.Ai.Features.ListProviders;

/// <summary>
/// The provider chain in the order it will be tried, with whether each is configured. Never returns a key:
/// only whether one is set and where it comes from.
/// </summary>
internal sealed class ListProviders(IConfiguration configuration, ProviderChain? chain = null, IDbContextFactory<AppDbContext>? contexts = null)
{
    /// <summary>The workspace's chain from configuration alone.</summary>
    public IReadOnlyList<AiProviderStatus> Run() =>
        ProviderChain.Order(configuration["Ai:ProviderOrder"]).Select((kind, i) => Describe(kind, i + 1)).ToList();

    /// <summary>The chain as it stands for one user: their order, their keys and the workspace's, and why any is skipped.</summary>
    public async Task<IReadOnlyList<AiProviderStatus>> RunAsync(Guid userId, CancellationToken ct)
    {
        if (chain is null || contexts is null) return Run();
        AiSettings? settings;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            settings = await db.AiSettings().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        var (steps, skipped) = await chain.PlanAsync(userId, settings, null, ct);
        var order = ProviderChain.Order(settings?.ProviderOrder ?? configuration["Ai:ProviderOrder"]);
        return order.Select((kind, i) =>
        {
            var basic = Describe(kind, i + 1);
            var skip = skipped.FirstOrDefault(s => s.Kind == kind);
            if (steps.FirstOrDefault(s => s.Kind == kind) is { } step)
                return basic with
                {
                    Configured = true,
                    Model = string.Join(" → ", step.Models),
                    Source = step.KeySource,
                    Note = $"{basic.Note} Key: {step.KeySource}.{(skip is null ? "" : $" {skip.Reason}.")}",
                };
            return basic with { Configured = false, Note = skip?.Reason ?? basic.Note };
        }).ToList();
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

internal sealed record AiProviderStatus(string Kind, string Name, int Position, bool Configured, string Model, string Note, string? Source = null);
