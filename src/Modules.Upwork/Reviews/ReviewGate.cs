using Contracts.Identity;
using Modules.Upwork.Data;

namespace Modules.Upwork.Reviews;

/// <summary>
/// Whether a proposal may go out without a reviewer (docs/features.md, "Approval queue"): an admin may require review
/// for every bidder or for one bidder; reviewers and admins never need it. When it is required, submitting through
/// Upwork and marking the proposal as sent both need an approval of exactly the letter the proposal now carries, so an
/// edit after approval needs a new one. Used by every path that sends (API, pages, MCP), on the proposal's owner.
/// </summary>
internal sealed class ReviewGate(IDbContextFactory<AppDbContext> contexts, IMemberDirectory members, IAuditTrail audit)
{
    public const string NeedsReview = "Your workspace requires a reviewer's approval before this letter is sent: send it for review first.";

    /// <summary>True when <paramref name="userId"/>'s letters must be approved before they are sent.</summary>
    public async Task<bool> RequiredAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.ReviewRequirements().AnyAsync(r => r.BidderId == Guid.Empty || r.BidderId == userId, ct)) return false;
        return await members.RoleAsync(userId, ct) == Roles.Bidder;
    }

    /// <summary>Why <paramref name="ownerId"/>'s proposal may not be sent yet, or null when it may.</summary>
    public async Task<string?> BlockingAsync(Guid ownerId, Guid proposalId, CancellationToken ct)
    {
        if (!await RequiredAsync(ownerId, ct)) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var letter = await db.Proposals().AsNoTracking().Where(p => p.Id == proposalId && p.UserId == ownerId).Select(p => p.CoverLetter).FirstOrDefaultAsync(ct);
        var review = await db.ProposalReviews().AsNoTracking().FirstOrDefaultAsync(r => r.ProposalId == proposalId, ct);
        if (review is { State: ReviewStates.Approved or ReviewStates.Submitted } && review.ApprovedLetter == letter) return null;
        return review is { State: ReviewStates.Waiting } ? "This letter is waiting in the review queue; a reviewer sends it once approved." : NeedsReview;
    }

    /// <summary>
    /// Whose proposal <paramref name="callerId"/> submits: their own, or, for a reviewer (<paramref name="mayReview"/>), a
    /// teammate's whose letter the team approved. The submission then goes out on the owner's Upwork connection, as the
    /// owner's proposal; the reviewer's part is audited under their own name.
    /// </summary>
    public async Task<Guid> SubmitterForAsync(Guid callerId, bool mayReview, Guid proposalId, CancellationToken ct)
    {
        if (!mayReview) return callerId;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owner = await db.ProposalReviews().AsNoTracking().Where(r => r.ProposalId == proposalId && r.State == ReviewStates.Approved)
            .Select(r => (Guid?)r.BidderId).FirstOrDefaultAsync(ct);
        return owner ?? callerId;
    }

    /// <summary>A reviewer submitted a teammate's approved proposal: the audit log says who pressed the button.</summary>
    public Task RecordReviewerSubmitAsync(Guid reviewerId, Guid ownerId, Guid proposalId, CancellationToken ct) =>
        reviewerId == ownerId ? Task.CompletedTask : audit.RecordAsync(reviewerId, "review_letter_sent", $"proposal {proposalId} of {ownerId} through Upwork", ct);
}
