namespace Modules.Upwork.Data;

/// <summary>
/// A bidder's letter in the team's review queue (table <c>upwork.proposal_reviews</c>, one row per proposal: sending a
/// returned letter again reuses it). Each step is also a row of the proposal's history and of the audit log
/// (docs/features.md, "Approval queue").
/// </summary>
internal sealed class ProposalReview
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }

    /// <summary>The proposal's owner, who sent it for review.</summary>
    public Guid BidderId { get; set; }
    public Guid JobPostingId { get; set; }

    /// <summary>See <see cref="ReviewStates"/>.</summary>
    public string State { get; set; } = ReviewStates.Waiting;

    /// <summary>The letter as the bidder sent it.</summary>
    public required string Letter { get; set; }

    /// <summary>The bidder's answers to the job's screening questions, as JSON (<c>[{"question":…,"answer":…}]</c>), if any.</summary>
    public string? ScreeningAnswers { get; set; }

    /// <summary>The writer's quality score of the letter sent, when it came from the letter page.</summary>
    public decimal? QualityScore { get; set; }

    /// <summary>The quality report's checks, one line each, as the letter page showed them.</summary>
    public string? QualityNotes { get; set; }
    public DateTimeOffset SentAt { get; set; }

    /// <summary>The reviewer who decided, and when.</summary>
    public Guid? ReviewerId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The reviewer's comment when returning the letter (or approving it with a note).</summary>
    public string? Comment { get; set; }

    /// <summary>The letter as approved (the reviewer's edit, or the bidder's own); submitting needs the proposal to still carry it.</summary>
    public string? ApprovedLetter { get; set; }
}

/// <summary>Where a letter stands in the review queue.</summary>
internal static class ReviewStates
{
    public const string Waiting = "waiting";
    public const string Approved = "approved";
    public const string Returned = "returned";
    public const string Submitted = "submitted";
}
