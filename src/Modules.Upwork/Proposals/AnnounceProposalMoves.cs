using Contracts.Upwork.Events;
using Modules.Upwork.Data;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Proposals;

/// <summary>
/// What follows proposals moved by Upwork (status sync) or a webhook, after they are saved: the event first (rollups and
/// cached dashboards are updated), then the user's open board re-reads, then hub clients hear <c>proposal_status</c>.
/// </summary>
internal sealed class AnnounceProposalMoves(IEventBus events, LiveUpdates live, HubNotifier hub)
{
    public async Task RunAsync(Guid userId, IReadOnlyList<(Proposal Proposal, string From)> moved, DateTimeOffset at, CancellationToken ct)
    {
        if (moved.Count == 0) return;
        await events.PublishAsync(new ProposalsChanged(userId, at, moved.Select(m => m.Proposal.Id).ToList()), ct);
        await live.PublishAsync(ProposalMoves.Topic(userId), new { userId }, ct);
        foreach (var (p, from) in moved)
            await hub.SendToUserAsync(userId, "proposal_status", new { proposalId = p.Id, jobPostingId = p.JobPostingId, from, to = p.Status, at }, ct);
    }
}
