namespace Modules.Upwork.Features.SaveJobs;

/// <summary>Saving and unsaving jobs, and the saved list.</summary>
internal static class SaveJobsEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddSaveJobs(this IServiceCollection services)
    {
        services.AddTransient<SavedJobs>();
        return services;
    }

    public static RouteGroupBuilder MapSaveJobs(this RouteGroupBuilder api)
    {
        api.MapPost("/jobs/{id:guid}/save", async (Guid id, HttpContext http, SavedJobs saved, CancellationToken ct) =>
                await saved.SaveAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { saved = true }, "Job saved") : ApiResults.NotFound($"Job posting {id} was not found"))
           .WithSummary("Saves a job; after Upwork's 24-hour retention only its reference stays (Upwork id, URL, title)");
        api.MapDelete("/jobs/{id:guid}/save", async (Guid id, HttpContext http, SavedJobs saved, CancellationToken ct) =>
                await saved.UnsaveAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { saved = false }, "Job unsaved") : ApiResults.NotFound($"Job posting {id} is not saved"))
           .WithSummary("Unsaves a job");
        api.MapGet("/saved-jobs", async (HttpContext http, SavedJobs saved, CancellationToken ct) => ApiResults.Ok(await saved.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("Your saved jobs, newest first; a job whose details expired under Upwork's terms shows only its reference and a link to Upwork");
        return api;
    }
}
