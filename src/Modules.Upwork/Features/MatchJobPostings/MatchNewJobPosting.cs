using Contracts.Upwork;
using Contracts.Upwork.Events;
using Modules.Upwork.Alerts;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Modules.Upwork.Searches;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Features.MatchJobPostings;

/// <summary>
/// On every new job: match it against every saved search, store the matches (unique per search and job), queue one
/// alert per user with alerts on (never twice for one job), and push it at once to the user's open pages (LiveUpdates)
/// and hub clients (<c>new_job</c>), on whatever instance they are connected to. Only users who may see the job
/// (<see cref="JobVisibility"/>) are matched or alerted; a job already stored that reaches another user (their own
/// fetch, paste or webhook: <see cref="JobPostingsReachedUser"/>) is matched for that user, and their teammates, then.
/// </summary>
internal sealed class MatchNewJobPosting(
    IDbContextFactory<AppDbContext> contexts,
    SearchMatcher matcher,
    LiveUpdates live,
    HubNotifier hub,
    IEnumerable<Contracts.Ai.IMarketRates> marketRates,
    TimeProvider time,
    ILogger<MatchNewJobPosting> log) : IEventHandler<JobPostingDiscovered>, IEventHandler<JobPostingsReachedUser>
{
    public Task HandleAsync(JobPostingDiscovered e, CancellationToken ct) => MatchAsync(e.JobPostingId, null, ct);

    public async Task HandleAsync(JobPostingsReachedUser e, CancellationToken ct)
    {
        HashSet<Guid> candidates;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            candidates = (await JobVisibility.WithTeammatesAsync(db, e.UserId, ct)).ToHashSet();
        foreach (var jobId in e.JobPostingIds) await MatchAsync(jobId, candidates, ct);
    }

    /// <summary>Matches one job for the <c>candidates</c> (null: everyone); either way only for those who may see it.</summary>
    private async Task MatchAsync(Guid jobPostingId, HashSet<Guid>? candidates, CancellationToken ct)
    {
        var index = await matcher.IndexAsync(ct);
        if (index.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobPostingId, ct);
        if (job is null) return;
        var audience = await JobVisibility.AudienceAsync(db, job, ct);   // null: a demo job, everyone's
        bool Reaches(Guid user) => (audience is null || audience.Contains(user)) && (candidates is null || candidates.Contains(user));
        var dismissed = index.HidesRedFlags ? await Upwork.RedFlags.RedFlagDismissals.ForClientAsync(db, job, ct) : null;
        // The flags the job card shows, "budget below market" included: only asked for when a search hides red-flagged jobs.
        var price = index.HidesRedFlags ? await Upwork.RedFlags.JobRedFlags.MarketPriceAsync(marketRates, job, Upwork.RedFlags.JobRedFlags.Client(job), ct) : null;
        var matched = index.Match(SearchIndex.Facts(job, dismissed, price)).Where(m => index.Recipients(m.Source).Any(Reaches)).ToList();
        if (matched.Count == 0) return;

        var searchIds = matched.Select(m => m.Source.Id).ToList();
        var already = await db.SearchMatches().Where(m => m.JobPostingId == job.Id && searchIds.Contains(m.SavedSearchId)).Select(m => m.SavedSearchId).ToListAsync(ct);
        var now = time.GetUtcNow();
        // A search's match is its owner's record (analytics count it): stored only when the owner may see the job.
        var fresh = matched.Where(m => !already.Contains(m.Source.Id) && Reaches(m.Source.UserId)).ToList();
        foreach (var m in fresh)
            db.SearchMatches().Add(new SearchMatch { Id = Guid.CreateVersion7(), SavedSearchId = m.Source.Id, JobPostingId = job.Id, UserId = m.Source.UserId, JobStoredAt = job.CreatedAt, MatchedAt = now });
        // One alert per user and job: owners of matching searches and members following a matching shared search.
        var recipients = matched.Where(m => m.Source.AlertsEnabled)
            .SelectMany(m => index.Recipients(m.Source).Where(Reaches).Select(user => (User: user, Search: m.Source))).ToList();
        var users = recipients.Select(r => r.User).Distinct().ToList();
        var alerted = users.Count == 0 ? [] : await db.Notifications().AsNoTracking()
            .Where(n => n.JobPostingId == job.Id && n.Kind == AlertKinds.NewJob && users.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
        var alerts = recipients.Where(r => !alerted.Contains(r.User))
            .GroupBy(r => r.User)
            .Select(g => new Notification
            {
                Id = Guid.CreateVersion7(), UserId = g.Key, Kind = AlertKinds.NewJob, JobPostingId = job.Id, SavedSearchId = g.First().Search.Id,
                Title = job.Title, Detail = $"Matches {string.Join(", ", g.Select(r => r.Search.Name).Distinct())}", CreatedAt = now,
            }).ToList();
        if (fresh.Count == 0 && alerts.Count == 0) return;
        db.Notifications().AddRange(alerts);
        // The outbox: one delivery per alert and enabled channel, committed with the alert (drained by DeliverAlertsJob).
        var alertedUsers = alerts.Select(a => a.UserId).ToList();
        var channels = alertedUsers.Count == 0 ? [] : await db.AlertChannels().AsNoTracking()
            .Where(c => c.Enabled && alertedUsers.Contains(c.UserId)).Select(c => new { c.Id, c.UserId }).ToListAsync(ct);
        foreach (var alert in alerts)
        {
            // Quiet hours of the search that raised the alert hold its channel deliveries until they end.
            var quietUntil = matched.First(m => m.Source.Id == alert.SavedSearchId).Source.QuietUntil(now);
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

        if (fresh.Count > 0) UpworkMetrics.JobMatched();
        foreach (var alert in alerts)
        {
            UpworkMetrics.AlertPushed(time.GetUtcNow() - job.CreatedAt);
            var payload = new AlertMessage(alert.Id, alert.Kind, job.Id, job.Title, alert.Detail, job.JobType, job.BudgetMin, job.BudgetMax, job.IsDemo, alert.CreatedAt);
            await live.PublishAsync(AlertTopics.ForUser(alert.UserId), payload, ct);
            await hub.SendToUserAsync(alert.UserId, AlertKinds.NewJob, payload, ct);
        }
    }
}

/// <summary>Registration of saved-search matching.</summary>
internal static class MatchJobPostingsServices
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddMatchJobPostings(this IServiceCollection services)
    {
        services.AddSingleton<SearchMatcher>();
        services.AddEventHandler<Contracts.Upwork.Events.JobPostingDiscovered, MatchNewJobPosting>();
        services.AddEventHandler<Contracts.Upwork.Events.JobPostingsReachedUser, MatchNewJobPosting>();
        services.AddEventHandler<Contracts.Upwork.Events.JobPostingUpdated, NotifyJobUpdated>();
        return services;
    }
}
