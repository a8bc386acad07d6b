namespace Contracts.Upwork;

/// <summary>The team's approval queue, for the letter page (docs/features.md, "Approval queue").</summary>
public interface IProposalReviews
{
    /// <summary>True when <paramref name="userId"/>'s letters need a reviewer's approval before they are sent.</summary>
    Task<bool> RequiredAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Saves <paramref name="letter"/> as the user's draft for the job (as "Save as proposal draft" does) and puts it in the
    /// team's review queue with its quality report. Null on success, else why not (the job is gone, a teammate's
    /// claim, already waiting).
    /// </summary>
    Task<string?> SendForReviewAsync(Guid userId, Guid jobPostingId, LetterForReview letter, CancellationToken ct);
}

/// <summary>A letter sent for review: its text, whether the AI wrote it, its quality score (0–1) and the report's lines.</summary>
public sealed record LetterForReview(string Text, bool AiGenerated, decimal? QualityScore, IReadOnlyList<string> QualityNotes);
