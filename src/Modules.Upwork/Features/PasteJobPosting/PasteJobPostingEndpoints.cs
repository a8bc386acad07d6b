using FluentValidation;
namespace Modules.Upwork.Features.PasteJobPosting;

/// <summary>Pasting a job: preview what was extracted, then store it.</summary>
internal static class PasteJobPostingEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddPasteJobPosting(this IServiceCollection services)
    {
        services.AddTransient<PasteJobPosting>().AddTransient<IValidator<PasteRequest>, PasteRequestValidator>().AddTransient<IValidator<PastedJobPosting>, PastedJobPostingValidator>();
        return services;
    }

    public static RouteGroupBuilder MapPasteJobPosting(this RouteGroupBuilder api)
    {
        api.MapPost("/jobs/paste/preview", (PasteRequest request) => ApiResults.Ok(JobTextExtractor.Extract(request.Url, request.Text)))
           .Validate<PasteRequest>()
           .WithSummary("Extracts title, budget, type, level and skills from a pasted Upwork job (URL and/or text), for editing");
        api.MapPost("/jobs/paste", async (PastedJobPosting job, HttpContext http, PasteJobPosting paste, CancellationToken ct) =>
                ApiResults.Created(new { id = await paste.RunAsync(UserIds.Require(http), job, ct) }, "Job saved"))
           .Validate<PastedJobPosting>()
           .WithSummary("Stores a pasted job (no Upwork key needed)");
        return api;
    }
}
