using Contracts.Upwork;
using FluentValidation;
using Modules.Upwork.Features.BrowseJobPostings;
using Modules.Upwork.Features.ShowJobPosting;
using Modules.Upwork.Integrations;

namespace Modules.Upwork;

/// <summary>Entry point of the Upwork module; the only public non-component type in it.</summary>
public static class UpworkModule
{
    /// <summary>Adds the module's slice handlers, validators and contract implementations.</summary>
    public static IHostApplicationBuilder AddUpworkModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<BrowseJobPostings>().AddTransient<ShowJobPosting>();
        services.AddTransient<IValidator<JobPostingQuery>, JobPostingQueryValidator>();
        services.AddTransient<IUpworkJobs, UpworkJobs>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/upwork</c>; pages are found through the host's module list.</summary>
    public static IEndpointRouteBuilder MapUpworkModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("upwork", "Upwork").RequireAuthorization();
        api.MapGet("/jobs", async ([AsParameters] JobPostingQuery query, BrowseJobPostings browse, CancellationToken ct) =>
                ApiResults.Ok(await browse.RunAsync(query, ct)))
           .Validate<JobPostingQuery>()
           .WithSummary("Lists stored job postings, newest first");
        api.MapGet("/jobs/{id:guid}", async (Guid id, ShowJobPosting show, CancellationToken ct) =>
                await show.RunAsync(id, ct) is { } job ? (IResult)ApiResults.Ok(job) : ApiResults.NotFound($"Job posting {id} was not found"))
           .WithSummary("One job posting with its description");
        return app;
    }
}
