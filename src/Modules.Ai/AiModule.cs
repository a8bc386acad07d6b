using Contracts.Identity;
using Modules.Ai.Features.ListProviders;
using Modules.Ai.Integrations;

namespace Modules.Ai;

/// <summary>Entry point of the AI module; the only public non-component type in it.</summary>
public static class AiModule
{
    /// <summary>Adds the module's slice handlers.</summary>
    public static IHostApplicationBuilder AddAiModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<ListProviders>();
        builder.Services.AddTransient<IPersonalDataContributor, AiPersonalData>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/ai</c>.</summary>
    public static IEndpointRouteBuilder MapAiModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("ai", "AI").RequireAuthorization();
        api.MapGet("/providers", (ListProviders providers) => ApiResults.Ok(providers.Run()))
           .WithSummary("The AI provider chain in fallback order, and which providers are configured");
        return app;
    }
}
