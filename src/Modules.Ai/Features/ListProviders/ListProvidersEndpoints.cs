namespace Modules.Ai.Features.ListProviders;

internal static class ListProvidersEndpoints
{
    public static RouteGroupBuilder MapListProviders(this RouteGroupBuilder api)
    {
        api.MapGet("/providers", async (HttpContext http, ListProviders providers, CancellationToken ct) => ApiResults.Ok(await providers.RunAsync(UserIds.Require(http), ct)))
           .WithSummary("Your AI provider chain in fallback order: which providers are ready, with which model and key, and why any is skipped");
        return api;
    }
}
