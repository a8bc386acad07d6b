using Contracts.Upwork.Events;
using Modules.Upwork.Data;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Features.ReviewProposals;

/// <summary>
/// An approved letter's proposal left draft (submitted through Upwork by the reviewer or the bidder, or marked sent):
/// its review reads "submitted", on every open review page. Idempotent: only approved reviews move.
/// </summary>
internal sealed class MarkReviewSent(IDbContextFactory<AppDbContext> contexts, LiveUpdates live) : IEventHandler<ProposalsChanged>
{
    public async Task HandleAsync(ProposalsChanged e, CancellationToken ct)
    {
        if (e.ProposalIds is not { Count: > 0 } ids) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = db.Proposals().Where(p => ids.Contains(p.Id) && p.Status != ProposalStatuses.Draft && p.Status != ProposalStatuses.Submitting).Select(p => p.Id);
        var moved = await db.ProposalReviews().Where(r => r.State == ReviewStates.Approved && sent.Contains(r.ProposalId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReviewStates.Submitted), ct);
        if (moved > 0) await live.PublishAsync(ReviewQueue.Topic, new { e.UserId }, ct);
    }
}
