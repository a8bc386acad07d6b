using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Quartz;
using Shared.Live;

namespace Modules.Upwork.Features.PurgeExpiredJobPostings;

/// <summary>
/// Upwork's terms forbid keeping API responses for more than 24 hours: job postings that came from the Upwork API
/// (and demo jobs, which only stand in for them) are deleted once older than <c>Upwork:Retention</c>, unless a user
/// saved the job or has a proposal for it. Jobs a user pasted or a webhook delivered are the user's own data and stay.
/// </summary>
internal sealed class PurgeExpiredJobPostings(IDbContextFactory<AppDbContext> contexts, IOptions<UpworkOptions> options, CacheStamps stamps, TimeProvider time, ILogger<PurgeExpiredJobPostings> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var purged = await db.JobPostings()
            .Where(j => (j.Source == JobSources.Upwork || j.Source == JobSources.Demo) && j.CreatedAt < cutoff)
            .Where(j => !db.SavedJobs().Any(s => s.JobPostingId == j.Id) && !db.Proposals().Any(p => p.JobPostingId == j.Id))
            .ExecuteDeleteAsync(ct);
        // Replay protection only needs to outlive the signature's 5-minute window; keep a day for support questions.
        await db.WebhookReceipts().Where(r => r.ReceivedAt < time.GetUtcNow().AddDays(-1)).ExecuteDeleteAsync(ct);
        if (purged > 0) await stamps.BumpAsync(BrowseJobPostings.BrowseJobPostings.StampScope, ct);   // cached search pages listed them
        if (purged > 0) log.LogInformation("Purged {Count} job postings older than the {Retention} retention window", purged, options.Value.Retention);
        return purged;
    }
}

/// <summary>Thin Quartz adapter, every 10 minutes.</summary>
[DisallowConcurrentExecution]
internal sealed class PurgeExpiredJobPostingsJob(PurgeExpiredJobPostings purge) : IJob
{
    public static readonly JobKey Key = new("upwork.purge-expired-job-postings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await purge.RunAsync(ct);
}
