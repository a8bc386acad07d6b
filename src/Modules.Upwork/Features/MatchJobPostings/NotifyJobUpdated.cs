using Contracts.Upwork.Events;
using Modules.Upwork.Data;
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
        var users = await db.SearchMatches().AsNoTracking().Where(m => m.JobPostingId == e.JobPostingId).Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var userId in users)
            await hub.SendToUserAsync(userId, AlertKinds.JobUpdated, new { jobPostingId = e.JobPostingId, title = e.Title, updatedAt = e.UpdatedAt }, ct);
        if (users.Count > 0) await live.PublishAsync(Contracts.Upwork.UpworkTopics.JobPostings, new { e.JobPostingId }, ct);
    }
}
