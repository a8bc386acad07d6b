using Modules.Upwork.Alerts;
using Modules.Upwork.Data;
using Quartz;
using Shared.Live;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// Follow-up dates that have come: one alert each in the owner's queue, pushed to their open pages. The alert time is
/// stored in the same transaction, so a restart neither loses nor repeats a reminder.
/// </summary>
internal sealed class RemindFollowUps(IDbContextFactory<AppDbContext> contexts, LiveUpdates live, HubNotifier hub, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Proposals().Where(p => p.FollowUpAt != null && p.FollowUpAt <= now && p.FollowUpAlertedAt == null
                                                  && p.Status != ProposalStatuses.Archived && p.Status != ProposalStatuses.Hired)
            .OrderBy(p => p.FollowUpAt).Take(500).ToListAsync(ct);
        var alerts = due.Select(p =>
        {
            p.FollowUpAlertedAt = now;
            return new Notification
            {
                Id = Guid.CreateVersion7(), UserId = p.UserId, Kind = "follow_up", JobPostingId = p.JobPostingId, Title = $"Follow up: {p.JobTitle}",
                Detail = $"You planned to follow up on this {p.Status} proposal today", CreatedAt = now,
            };
        }).ToList();
        db.Notifications().AddRange(alerts);
        await db.SaveChangesAsync(ct);
        foreach (var a in alerts)
        {
            var message = new AlertMessage(a.Id, a.Kind, a.JobPostingId!.Value, a.Title, a.Detail, null, null, null, false, a.CreatedAt);
            await live.PublishAsync(AlertTopics.ForUser(a.UserId), message, ct);
            await hub.SendToUserAsync(a.UserId, "follow_up", message, ct);
        }
        return alerts.Count;
    }
}

/// <summary>Thin Quartz adapter, every minute.</summary>
[DisallowConcurrentExecution]
internal sealed class RemindFollowUpsJob(RemindFollowUps remind) : IJob
{
    public static readonly JobKey Key = new("upwork.remind-follow-ups");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await remind.RunAsync(ct);
}
