using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.Features.BrowseJobPostings;

namespace Modules.Upwork.Integrations;

/// <summary>The module's side of <see cref="IUpworkJobs"/>.</summary>
internal sealed class UpworkJobs(IDbContextFactory<AppDbContext> contexts, BrowseJobPostings browse) : IUpworkJobs
{
    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.JobPostings().CountAsync(j => j.OwnerUserId == null, ct);
    }

    public async Task<IReadOnlyList<JobPostingSummary>> NewestAsync(int count, CancellationToken ct) =>
        (await browse.RunAsync(new JobPostingQuery(null, Math.Clamp(count, 1, JobPostingQuery.MaxLimit), 0), null, ct)).Items;
}
