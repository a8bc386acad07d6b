using Contracts.Identity;
using Modules.Upwork.Postings;
using Shared.Events;
namespace Modules.Upwork.Features.ShowJobPosting;

/// <summary><c>GET /api/v1/upwork/jobs/{id}</c>: one job posting.</summary>
internal static class ShowJobPostingEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddShowJobPosting(this IServiceCollection services)
    {
        services.AddTransient<JobPostingReader>().AddEventHandler<Contracts.Upwork.Events.JobPostingUpdated, ForgetChangedJobPosting>();
        services.AddMcpServer().WithTools<ShowJobPostingTools>();
        return services;
    }

    public static RouteGroupBuilder MapShowJobPosting(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:guid}", async (Guid id, HttpContext http, JobPostingReader show, CancellationToken ct) =>
                await show.RunAsync(id, UserIds.Require(http), ct) is { } job ? (IResult)ApiResults.Ok(job) : ApiResults.NotFound($"Job posting {id} was not found"))
           .RequireScope(AccessScopes.JobsRead).WithSummary("One job posting with its description");
        return api;
    }
}
