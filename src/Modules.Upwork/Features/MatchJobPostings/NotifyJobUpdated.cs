using Contracts.Upwork.Events;
using Modules.Upwork.Alerts;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Features.MatchJobPostings;

/// <summary>
/// A job that matched someone's saved search changed (budget, applicants, text): hub clients of those users get
/// <c>job_updated</c>, and their open pages refresh. No new queue entry: the job was already announced to them.
/// </summary>
internal sealed class NotifyJobUpdated(IDbContextFactory<AppDbContext> contexts, HubNotifier hub, LiveUpdates live) : IEventHandler<JobPostingUpdated>
{
    public async Task HandleAsync(JobPostingUpdated e, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matchedUsers = await db.SearchMatches().AsNoTracking().Where(m => m.JobPostingId == e.JobPostingId).Select(m => m.UserId).Distinct().ToListAsync(ct);
        // Only users who may still see it (a connection share may have been revoked since the match).
        var job = matchedUsers.Count == 0 ? null : await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(j => j.Id == e.JobPostingId, ct);
        HashSet<Guid>? audience = job is null ? [] : await JobVisibility.AudienceAsync(db, job, ct);
        var users = matchedUsers.Where(u => audience is null || audience.Contains(u)).ToList();
        foreach (var userId in users)
            await hub.SendToUserAsync(userId, AlertKinds.JobUpdated, new { jobPostingId = e.JobPostingId, title = e.Title, updatedAt = e.UpdatedAt }, ct);
        if (users.Count > 0) await live.PublishAsync(Contracts.Upwork.UpworkTopics.JobPostings, new { e.JobPostingId }, ct);
    }
}
