using Contracts.Ai;
using Modules.Ai.Models;

namespace Modules.Ai.Integrations.Providers;

internal static class LetterProviderServices
{
    /// <summary>The HTTP clients, the four letter providers (OpenAI, OpenAI-compatible, Anthropic, offline) and the chain that orders them; <paramref name="semantic"/> gives the offline writer the sentence model.</summary>
    public static IServiceCollection AddLetterProviders(this IServiceCollection services, bool semantic)
    {
        AiHttpClients.Register(services);
        services.AddSingleton<ILetterProvider>(sp => new OpenAIProvider(AiProviderKinds.OpenAI, sp.GetRequiredService<AiHttpClients>()));
        services.AddSingleton<ILetterProvider>(sp => new OpenAIProvider(AiProviderKinds.OpenAICompatible, sp.GetRequiredService<AiHttpClients>()));
        services.AddSingleton<ILetterProvider, AnthropicProvider>();
        // The offline writer picks evidence by meaning with the module's one MiniLM encoder (AddJobAnalysis registers it).
        services.AddSingleton<ILetterProvider>(sp => new OfflineWriter(semantic ? sp.GetRequiredService<MiniLmEmbedder>() : null));
        services.AddTransient<ProviderChain>();
        return services;
    }
}
