using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;

namespace Modules.Upwork.Features.PasteJobPosting;

/// <summary>
/// Stores a job the user pasted. With an Upwork URL the job gets Upwork's id, so the same job arriving later from the
/// API or a webhook updates this row instead of duplicating it; without one, the id is a hash of the text.
/// </summary>
internal sealed class PasteJobPosting(IngestJobPostings ingest, IDbContextFactory<AppDbContext> contexts)
{
    public async Task<Guid> RunAsync(Guid userId, PastedJobPosting job, CancellationToken ct)
    {
        // An Upwork job gets Upwork's id and its canonical link, so it converges with the API's row; the user gains sight
        // of that row through the paste (JobAccess). Anything else is the user's own row.
        var sourceId = job.UpworkJobId
                       ?? $"paste:{userId:N}:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{job.Url}\n{job.Title}\n{job.Description}")))[..32];
        var url = job.UpworkJobId is { } id ? $"https://www.upwork.com/jobs/~02{id}" : job.Url;
        var draft = new JobPostingDraft(sourceId, JobSources.Paste, job.Title, job.Description, job.BudgetMin, job.BudgetMax, job.Skills ?? [],
            null, null, job.JobType, job.ExperienceLevel, url, null, null, null, null, OwnerUserId: job.UpworkJobId is null ? userId : null);
        await ingest.RunAsync([draft], ct, new JobGrant(userId, JobAccessVia.Paste));
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.JobPostings().Where(j => j.UpworkJobId == sourceId).Select(j => j.Id).FirstAsync(ct);
    }
}

/// <summary>Body of <c>POST /api/v1/upwork/jobs/paste/preview</c>.</summary>
internal sealed record PasteRequest(string? Url, string? Text);

internal sealed class PasteRequestValidator : AbstractValidator<PasteRequest>
{
    public PasteRequestValidator()
    {
        RuleFor(r => r).Must(r => !string.IsNullOrWhiteSpace(r.Url) || !string.IsNullOrWhiteSpace(r.Text))
            .WithName("text").WithMessage("paste the job's text, its Upwork URL, or both");
        RuleFor(r => r.Url).MaximumLength(2000).WithMessage("url must be at most 2000 characters")
            .Must(u => string.IsNullOrWhiteSpace(u) || Uri.TryCreate(u, UriKind.Absolute, out var x) && x.Scheme is "http" or "https")
            .WithMessage("url must be an http(s) address");
        RuleFor(r => r.Text).MaximumLength(50_000).WithMessage("text must be at most 50,000 characters");
    }
}

internal sealed class PastedJobPostingValidator : AbstractValidator<PastedJobPosting>
{
    public PastedJobPostingValidator()
    {
        RuleFor(j => j.Title).NotEmpty().WithMessage("title is required").MaximumLength(500).WithMessage("title must be at most 500 characters");
        RuleFor(j => j.Description).MaximumLength(50_000).WithMessage("description must be at most 50,000 characters");
        RuleFor(j => j.Url).MaximumLength(500).WithMessage("url must be at most 500 characters")
            .Must(u => string.IsNullOrWhiteSpace(u) || Uri.TryCreate(u, UriKind.Absolute, out var x) && x.Scheme is "http" or "https")
            .WithMessage("url must be an http(s) address");
        RuleFor(j => j.UpworkJobId).Matches("^[0-9]{15,20}$").When(j => j.UpworkJobId is not null).WithMessage("upworkJobId must be Upwork's numeric job id");
        RuleFor(j => j.BudgetMin).GreaterThanOrEqualTo(0).WithMessage("budgetMin cannot be negative").LessThan(100_000_000).WithMessage("budgetMin is too large");
        RuleFor(j => j.BudgetMax).GreaterThanOrEqualTo(0).WithMessage("budgetMax cannot be negative").LessThan(100_000_000).WithMessage("budgetMax is too large");
        RuleFor(j => j).Must(j => j.BudgetMin is null || j.BudgetMax is null || j.BudgetMin <= j.BudgetMax)
            .WithName("budgetMax").WithMessage("budgetMax must be at least budgetMin");
        RuleFor(j => j.JobType).Must(t => t is null or "hourly" or "fixed").WithMessage("jobType must be hourly or fixed");
        RuleFor(j => j.ExperienceLevel).Must(t => t is null or "entry" or "intermediate" or "expert").WithMessage("experienceLevel must be entry, intermediate or expert");
        RuleFor(j => j.Skills).Must(s => s is null || s.Count <= 50).WithMessage("skills can list at most 50 skills");
    }
}
