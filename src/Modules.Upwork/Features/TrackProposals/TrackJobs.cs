using Modules.Upwork.Proposals;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>Tracking a job is creating a draft proposal for it with nothing filled in yet.</summary>
internal sealed class TrackJobs(ManageProposals proposals) : ITrackJobs
{
    public async Task<TrackOutcome> TrackAsync(Guid userId, Guid jobPostingId, CancellationToken ct)
    {
        var outcome = await proposals.CreateAsync(userId, new ProposalInput(jobPostingId, null, null, null, null, null, null, null, null, null), ct);
        return new TrackOutcome(outcome.Proposal is not null, outcome.Blocked);
    }
}
