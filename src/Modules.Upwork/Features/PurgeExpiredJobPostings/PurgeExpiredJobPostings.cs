using System.Linq.Expressions;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Quartz;
using Shared.Events;
using Shared.Jobs;
using Shared.Live;
using Shared.Text;

namespace Modules.Upwork.Features.PurgeExpiredJobPostings;

/// <summary>
/// Upwork's terms forbid keeping API responses, or any copy of them, for more than 24 hours (docs/upwork-api.md §3, first
/// row). Jobs carrying Upwork content (<see cref="UpworkContent"/>) are deleted once stored longer than
/// <c>Upwork:Retention</c> — saved jobs and jobs with proposals included. In the same transaction, per batch: a saved
/// job and a sent proposal keep a reference (Upwork's job id, URL and title); an unsent draft loses the title; the
/// user's letters keep their words but not the job's title; alerts about the job lose its title and undelivered channel
/// deliveries of them are dropped. After each commit <see cref="UpworkContentExpired"/> tells the AI and Analytics
/// modules to remove their copies (they also sweep on their own). Killing it half-way loses nothing: a batch is all or
/// nothing and the next run takes up what is left. See docs/data-retention.md for every place and its rule.
/// </summary>
internal sealed class PurgeExpiredJobPostings(
    IDbContextFactory<AppDbContext> contexts, IOptions<UpworkOptions> options, CacheStamps stamps, IEventBus events, TimeProvider time,
    ILogger<PurgeExpiredJobPostings> log)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now - options.Value.Retention;
        var purged = 0;
        while (true)
        {
            var batch = await PurgeBatchAsync(cutoff, now, ct);
            if (batch.Count == 0) break;
            purged += batch.Count;
            await events.PublishAsync(new UpworkContentExpired(batch, cutoff), ct);
        }
        await RedactOrphanedAlertsAsync(cutoff, ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // Replay protection only needs to outlive the signature's 5-minute window; keep a day for support questions.
            await db.WebhookReceipts().Where(r => r.ReceivedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        }
        if (purged > 0) await stamps.BumpAsync(JobPostingStamps.Scope, ct);   // cached search pages listed them
        if (purged > 0) log.LogInformation("Purged {Count} job postings older than the {Retention} retention window", purged, options.Value.Retention);
        return purged;
    }

    private async Task<List<ExpiredJobPosting>> PurgeBatchAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var jobs = await db.JobPostings().Where(UpworkContent.Expired(cutoff)).OrderBy(j => j.CreatedAt).Take(BatchSize)
            .Select(j => new { j.Id, j.UpworkJobId, j.Title, j.Url, j.Description }).ToListAsync(ct);
        if (jobs.Count == 0) return [];
        var ids = jobs.Select(j => j.Id).ToList();
        var referenced = await db.Proposals().Where(p => ids.Contains(p.JobPostingId)).Select(p => p.JobPostingId)
            .Union(db.SavedJobs().Where(s => ids.Contains(s.JobPostingId)).Select(s => s.JobPostingId))
            .ToListAsync(ct);
        foreach (var job in jobs.Where(j => referenced.Contains(j.Id)))
        {
            // Letters keep the user's words, not the job's: its title and what they quote of its post.
            foreach (var proposal in await db.Proposals().Where(p => p.JobPostingId == job.Id && p.JobExpiredAt == null && p.CoverLetter != null).ToListAsync(ct))
                proposal.CoverLetter = UpworkContent.ScrubLetter(proposal.CoverLetter!, job.Title, job.Description);
            await db.SaveChangesAsync(ct);
            // What may stay: a reference on the user's saved job and sent proposal, shown as "open on Upwork".
            await db.SavedJobs().Where(s => s.JobPostingId == job.Id && s.JobExpiredAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.UpworkJobId, job.UpworkJobId).SetProperty(x => x.JobTitle, job.Title).SetProperty(x => x.JobUrl, job.Url)
                .SetProperty(x => x.JobExpiredAt, now), ct);
            await db.Proposals().Where(p => p.JobPostingId == job.Id && p.JobExpiredAt == null && (p.Status != ProposalStatuses.Draft && (p.Status != ProposalStatuses.Archived || p.SubmittedAt != null)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.UpworkJobId, job.UpworkJobId).SetProperty(x => x.JobUrl, job.Url).SetProperty(x => x.JobExpiredAt, now), ct);
            // An unsent draft keeps the user's letter, nothing of the job.
            await db.Proposals().Where(p => p.JobPostingId == job.Id && p.JobExpiredAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.JobTitle, "").SetProperty(x => x.JobExpiredAt, now), ct);
        }
        await RedactAlertsAsync(db, db.Notifications().Where(n => n.JobPostingId != null && ids.Contains(n.JobPostingId.Value)), ct);
        await db.JobClaims().Where(c => ids.Contains(c.JobPostingId)).ExecuteDeleteAsync(ct);   // nobody bids on a job that is gone
        await db.JobPostings().Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return jobs.Select(j => new ExpiredJobPosting(j.Id, j.Title, j.Description)).ToList();
    }

    /// <summary>
    /// Alerts whose job's content is no longer held (purged, or expired and not yet purged) lose its title — a follow-up
    /// reminder included, whose title quotes the job — and their undelivered channel deliveries are dropped.
    /// </summary>
    private async Task RedactOrphanedAlertsAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = db.JobPostings().Where(UpworkContent.Held(cutoff));
        await RedactAlertsAsync(db, db.Notifications().Where(n => n.JobPostingId != null && !held.Any(j => j.Id == n.JobPostingId)), ct);
    }

    private static async Task RedactAlertsAsync(AppDbContext db, IQueryable<Notification> alerts, CancellationToken ct)
    {
        var pending = alerts.Where(n => n.Title != UpworkContent.ExpiredAlertTitle && n.Title != UpworkContent.ExpiredFollowUpTitle);
        var ids = pending.Select(n => n.Id);
        await db.AlertDeliveries().Where(d => d.DeliveredAt == null && ids.Contains(d.NotificationId)).ExecuteDeleteAsync(ct);
        await pending.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Title, n => n.Kind == "follow_up" ? UpworkContent.ExpiredFollowUpTitle : UpworkContent.ExpiredAlertTitle)
            .SetProperty(n => n.Detail, (string?)null), ct);
    }
}

/// <summary><see cref="IUpworkRetention"/> for the AI and Analytics modules' own sweeps.</summary>
internal sealed class UpworkRetention(IDbContextFactory<AppDbContext> contexts, IOptions<UpworkOptions> options, TimeProvider time) : IUpworkRetention
{
    public TimeSpan Retention => options.Value.Retention;

    public async Task<IReadOnlySet<Guid>> HeldAsync(IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct)
    {
        if (jobPostingIds.Count == 0) return new HashSet<Guid>();
        var ids = jobPostingIds.Distinct().ToList();
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.JobPostings().Where(UpworkContent.Held(cutoff)).Where(j => ids.Contains(j.Id)).Select(j => j.Id).ToListAsync(ct)).ToHashSet();
    }
}

/// <summary>Thin Quartz adapter, every 10 minutes.</summary>
[DisallowConcurrentExecution]
internal sealed class PurgeExpiredJobPostingsJob(PurgeExpiredJobPostings purge) : IJob
{
    public static readonly JobKey Key = new("upwork.purge-expired-job-postings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await purge.RunAsync(ct);
}

/// <summary>Registration of the 24-hour purge.</summary>
internal static class PurgeExpiredJobPostingsServices
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddPurgeExpiredJobPostings(this IServiceCollection services)
    {
        services.AddTransient<PurgeExpiredJobPostings>().AddTransient<Contracts.Upwork.IUpworkRetention, UpworkRetention>();
        services.AddRecurringJob<PurgeExpiredJobPostingsJob>(PurgeExpiredJobPostingsJob.Key, TimeSpan.FromMinutes(10));
        return services;
    }
}
