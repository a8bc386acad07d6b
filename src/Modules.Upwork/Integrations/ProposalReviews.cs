using Contracts.Upwork;
using Modules.Upwork.Features.ReviewProposals;

namespace Modules.Upwork.Integrations;

/// <summary>The module's side of <see cref="IProposalReviews"/>: the draft through <see cref="UpworkProposals"/>, then the queue.</summary>
internal sealed class ProposalReviews(IUpworkProposals proposals, Claims.JobClaims claims, ReviewQueue queue) : IProposalReviews
{
    public Task<bool> RequiredAsync(Guid userId, CancellationToken ct) => queue.RequiredAsync(userId, ct);

    public async Task<string?> SendForReviewAsync(Guid userId, Guid jobPostingId, LetterForReview letter, CancellationToken ct)
    {
        if (await claims.BlockingAsync(userId, jobPostingId, ct) is { } blocked) return blocked;
        if (await proposals.SaveDraftAsync(userId, jobPostingId, letter.Text, letter.AiGenerated, ct) is not { } proposalId)
            return "This job is no longer available, so nothing was sent for review.";
        var outcome = await queue.SendAsync(userId, proposalId, new SendForReview(letter.Text, null, letter.QualityScore, letter.QualityNotes), ct);
        return outcome.Status == 200 ? null : outcome.Message;
    }
}
