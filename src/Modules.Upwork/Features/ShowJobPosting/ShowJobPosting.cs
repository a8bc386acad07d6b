using Contracts.Upwork;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.ShowJobPosting;

/// <summary>One job posting with its description, or null.</summary>
internal sealed class ShowJobPosting(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<JobPostingDetail?> RunAsync(Guid id, Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.JobPostings().AsNoTracking().Where(j => j.Id == id && (j.OwnerUserId == null || j.OwnerUserId == userId))
            .Select(j => new JobPostingDetail(
                new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo),
                j.Description, j.Category, j.Subcategory, j.ExperienceLevel, j.ExpiresAt))
            .FirstOrDefaultAsync(ct);
    }
}

internal sealed record JobPostingDetail(
    JobPostingSummary Summary, string? Description, string? Category, string? Subcategory, string? ExperienceLevel, DateTimeOffset? ExpiresAt);
