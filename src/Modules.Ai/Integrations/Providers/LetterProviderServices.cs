using Contracts.Ai;

namespace Modules.Ai.Integrations.Providers;

internal static class LetterProviderServices
{
    /// <summary>The HTTP clients, the four letter providers (OpenAI, OpenAI-compatible, Anthropic, offline) and the chain that orders them.</summary>
    public static IServiceCollection AddLetterProviders(this IServiceCollection services)
    {
        AiHttpClients.Register(services);
        services.AddSingleton<ILetterProvider>(sp => new OpenAIProvider(AiProviderKinds.OpenAI, sp.GetRequiredService<AiHttpClients>()));
        services.AddSingleton<ILetterProvider>(sp => new OpenAIProvider(AiProviderKinds.OpenAICompatible, sp.GetRequiredService<AiHttpClients>()));
        services.AddSingleton<ILetterProvider, AnthropicProvider>();
        services.AddSingleton<ILetterProvider, OfflineWriter>();
        services.AddTransient<ProviderChain>();
        return services;
    }
}
