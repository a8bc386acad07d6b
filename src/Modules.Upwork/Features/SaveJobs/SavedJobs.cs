using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.Features.TrackProposals;

namespace Modules.Upwork.Features.SaveJobs;

/// <summary>
/// A user's saved job as the API shows it: the live job while its content may be kept, afterwards only the reference
/// Upwork's terms allow (docs/data-retention.md) with <see cref="ProposalDto.ExpiredNote"/>.
/// </summary>
internal sealed record SavedJobDto(Guid JobPostingId, DateTimeOffset SavedAt, string Title, string? Url, string? UpworkJobId, bool DetailsExpired, string? Note);

/// <summary>Saving, unsaving and listing a user's saved jobs (<c>upwork.saved_jobs</c>).</summary>
internal sealed class SavedJobs(IDbContextFactory<AppDbContext> contexts, IUpworkJobs jobs, TimeProvider time)
{
    /// <summary>Saves a job the user may see; false when they may not (or it is gone).</summary>
    public async Task<bool> SaveAsync(Guid userId, Guid jobPostingId, CancellationToken ct)
    {
        if (await jobs.GetAsync(userId, jobPostingId, ct) is null) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.SavedJobs().AnyAsync(s => s.UserId == userId && s.JobPostingId == jobPostingId, ct)) return true;
        db.SavedJobs().Add(new SavedJobPosting { UserId = userId, JobPostingId = jobPostingId, SavedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Saved twice at once: the other request's row is the same.
        }
        return true;
    }

    public async Task<bool> UnsaveAsync(Guid userId, Guid jobPostingId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SavedJobs().Where(s => s.UserId == userId && s.JobPostingId == jobPostingId).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<SavedJobDto>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.SavedJobs().AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.SavedAt)
            .Select(s => new { Saved = s, Job = db.JobPostings().Where(j => j.Id == s.JobPostingId).Select(j => new { j.Title, j.Url, j.UpworkJobId }).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => r.Job is { } job && r.Saved.JobExpiredAt is null
                ? new SavedJobDto(r.Saved.JobPostingId, r.Saved.SavedAt, job.Title, job.Url, job.UpworkJobId, false, null)
                : new SavedJobDto(r.Saved.JobPostingId, r.Saved.SavedAt, r.Saved.JobTitle ?? "", r.Saved.JobUrl, r.Saved.UpworkJobId, true, ProposalDto.ExpiredNote))
            .ToList();
    }
}
