namespace Modules.Ai.Features.ListGenerations;

internal static class ListGenerationsEndpoints
{
    public static RouteGroupBuilder MapListGenerations(this RouteGroupBuilder api)
    {
        api.MapGet("/generations", async (HttpContext http, ListGenerations generations, Guid? jobPostingId, int? limit, CancellationToken ct) =>
                ApiResults.Ok(await generations.RunAsync(UserIds.Require(http), jobPostingId, limit, ct)))
           .WithSummary("Your recent generations, newest first (optionally for one job)");
        api.MapGet("/generations/{id:guid}", async (Guid id, HttpContext http, ListGenerations generations, CancellationToken ct) =>
                await generations.FindAsync(UserIds.Require(http), id, ct) is { } g ? (IResult)ApiResults.Ok(g) : ApiResults.NotFound("Generation not found"))
           .WithSummary("One of your generations with its prompt, response, quality checks and the providers tried");
        return api;
    }
}
