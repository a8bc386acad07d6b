using Contracts.Identity;
using FluentValidation;
namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary><c>GET /api/v1/upwork/jobs</c>: the job list.</summary>
internal static class BrowseJobPostingsEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddBrowseJobPostings(this IServiceCollection services)
    {
        services.AddTransient<BrowseJobPostings>().AddTransient<SearchJobPostings>().AddTransient<JobCursor>().AddTransient<IValidator<JobPostingQuery>, JobPostingQueryValidator>();
        services.AddMcpServer().WithTools<BrowseJobPostingsTools>().WithPrompts<BrowseJobPostingsTools.Prompts>();
        return services;
    }

    public static RouteGroupBuilder MapBrowseJobPostings(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", async ([AsParameters] JobPostingQuery query, HttpContext http, SearchJobPostings search, CancellationToken ct) =>
                ApiResults.Ok(await search.RunAsync(query, UserIds.Require(http), ct)))
           .Validate<JobPostingQuery>()
           .RequireScope(AccessScopes.JobsRead).WithSummary("Lists stored job postings, newest first (or by relevance or fit); page newest-first lists with cursor=nextCursor, the others with offset");
        return api;
    }
}
