using Modules.Upwork.Integrations.UpworkApi;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using Modules.Upwork.Data;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Features.MatchJobPostings;

/// <summary>
/// On every new job: match it against every saved search, store the matches (unique per search and job, so a
/// repeated announcement alerts nobody twice), queue a notification per user with alerts on, and push it at once to
/// the user's open pages (LiveUpdates) and hub clients (<c>new_job</c>), on whatever instance they are connected to.
/// </summary>
internal sealed class MatchNewJobPosting(
    IDbContextFactory<AppDbContext> contexts,
    SearchMatcher matcher,
    LiveUpdates live,
    HubNotifier hub,
    TimeProvider time,
    ILogger<MatchNewJobPosting> log) : IEventHandler<JobPostingDiscovered>
{
    public async Task HandleAsync(JobPostingDiscovered e, CancellationToken ct)
    {
        var index = await matcher.IndexAsync(ct);
        if (index.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(j => j.Id == e.JobPostingId, ct);
        if (job is null) return;
        // A pasted or webhook job is its owner's alone: nobody else's search (nor a shared one's followers) hears of it.
        var matched = index.Match(SearchIndex.Facts(job)).Where(m => job.OwnerUserId is null || m.Source.UserId == job.OwnerUserId).ToList();
        if (matched.Count == 0) return;

        var searchIds = matched.Select(m => m.Source.Id).ToList();
        var already = await db.SearchMatches().Where(m => m.JobPostingId == job.Id && searchIds.Contains(m.SavedSearchId)).Select(m => m.SavedSearchId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var fresh = matched.Where(m => !already.Contains(m.Source.Id)).ToList();
        if (fresh.Count == 0) return;
        foreach (var m in fresh)
            db.SearchMatches().Add(new SearchMatch { Id = Guid.CreateVersion7(), SavedSearchId = m.Source.Id, JobPostingId = job.Id, UserId = m.Source.UserId, JobStoredAt = job.CreatedAt, MatchedAt = now });
        // One alert per user: owners of matching searches and members following a matching shared search.
        var alerts = fresh.Where(m => m.Source.AlertsEnabled)
            .SelectMany(m => index.Recipients(m.Source).Select(user => (User: user, Search: m.Source)))
            .Where(r => job.OwnerUserId is null || r.User == job.OwnerUserId)
            .GroupBy(r => r.User)
            .Select(g => new Notification
            {
                Id = Guid.CreateVersion7(), UserId = g.Key, Kind = AlertKinds.NewJob, JobPostingId = job.Id, SavedSearchId = g.First().Search.Id,
                Title = job.Title, Detail = $"Matches {string.Join(", ", g.Select(r => r.Search.Name).Distinct())}", CreatedAt = now,
            }).ToList();
        db.Notifications().AddRange(alerts);
        // The outbox: one delivery per alert and enabled channel, committed with the alert (drained by DeliverAlertsJob).
        var alertedUsers = alerts.Select(a => a.UserId).ToList();
        var channels = alertedUsers.Count == 0 ? [] : await db.AlertChannels().AsNoTracking()
            .Where(c => c.Enabled && alertedUsers.Contains(c.UserId)).Select(c => new { c.Id, c.UserId }).ToListAsync(ct);
        foreach (var alert in alerts)
        {
            // Quiet hours of the search that raised the alert hold its channel deliveries until they end.
            var quietUntil = fresh.First(m => m.Source.Id == alert.SavedSearchId).Source.QuietUntil(now);
            foreach (var channel in channels.Where(c => c.UserId == alert.UserId))
                db.AlertDeliveries().Add(new AlertDelivery { Id = Guid.CreateVersion7(), ChannelId = channel.Id, NotificationId = alert.Id, NextAttemptAt = quietUntil ?? now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            log.LogInformation("Job {JobId} was matched concurrently by another handler; skipping", job.Id);
            return;
        }

        UpworkMetrics.JobMatched();
        foreach (var alert in alerts)
        {
            UpworkMetrics.AlertPushed(time.GetUtcNow() - job.CreatedAt);
            var payload = new AlertMessage(alert.Id, alert.Kind, job.Id, job.Title, alert.Detail, job.JobType, job.BudgetMin, job.BudgetMax, job.IsDemo, alert.CreatedAt);
            await live.PublishAsync(AlertTopics.ForUser(alert.UserId), payload, ct);
            await hub.SendToUserAsync(alert.UserId, AlertKinds.NewJob, payload, ct);
        }
    }
}

/// <summary>The alert as pushed to pages and hub clients.</summary>
internal sealed record AlertMessage(
    Guid Id, string Kind, Guid JobPostingId, string Title, string? Detail, string? JobType, decimal? BudgetMin, decimal? BudgetMax, bool IsDemo, DateTimeOffset CreatedAt);

internal static class AlertKinds
{
    public const string NewJob = "new_job";
    public const string JobUpdated = "job_updated";
}

/// <summary>Per-user LiveUpdates topics for alerts.</summary>
internal static class AlertTopics
{
    /// <summary>The topic one user's open pages listen on.</summary>
    public static string ForUser(Guid userId) => $"upwork.alerts:{userId:N}";
}
