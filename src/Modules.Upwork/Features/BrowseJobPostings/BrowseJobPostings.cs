using Contracts.Upwork;
using FluentValidation;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary>Lists stored job postings, newest first, optionally filtered by a word in the title or skills.</summary>
internal sealed class BrowseJobPostings(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Public jobs and <paramref name="userId"/>'s own pasted and webhook jobs (null: public jobs only).</summary>
    public async Task<JobPostingPage> RunAsync(JobPostingQuery query, Guid? userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var postings = db.JobPostings().AsNoTracking().Where(j => j.OwnerUserId == null || j.OwnerUserId == userId);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLower();
            postings = postings.Where(j => j.Title.ToLower().Contains(term));
        }
        var total = await postings.CountAsync(ct);
        var rows = await postings.OrderByDescending(j => j.PostedAt).ThenBy(j => j.Id)
            .Skip(query.Offset ?? 0).Take(query.Limit ?? JobPostingQuery.DefaultLimit)
            .Select(j => new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo))
            .ToListAsync(ct);
        return new JobPostingPage(rows, total);
    }
}

/// <summary>Query string of <c>GET /api/v1/upwork/jobs</c>.</summary>
internal sealed record JobPostingQuery(string? Q, int? Limit, int? Offset)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}

internal sealed record JobPostingPage(IReadOnlyList<JobPostingSummary> Items, int Total);

internal sealed class JobPostingQueryValidator : AbstractValidator<JobPostingQuery>
{
    public JobPostingQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, JobPostingQuery.MaxLimit)
            .WithMessage($"limit must be between 1 and {JobPostingQuery.MaxLimit}");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("offset cannot be negative");
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("q must be at most 200 characters");
    }
}
