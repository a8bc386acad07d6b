namespace Modules.Upwork.Data;

/// <summary>A proposal for a job (table <c>upwork.proposals</c>, <c>proposals</c> in docs/specification.md §4), always one user's own.</summary>
internal sealed class Proposal
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid JobPostingId { get; set; }
    public string? CoverLetter { get; set; }

    /// <summary>The user's answers to the job's screening questions, keyed by a hash of each question (<see cref="Submissions.SavedScreeningAnswers"/>).</summary>
    public string? ScreeningAnswers { get; set; }
    public decimal? BidAmount { get; set; }
    public int? EstimatedHours { get; set; }
    public int? ConnectsSpent { get; set; }

    /// <summary>See <see cref="ProposalStatuses"/>.</summary>
    public string Status { get; set; } = ProposalStatuses.Draft;
    public bool AiGenerated { get; set; }
    public Guid? ProfileId { get; set; }
    public string? TemplateName { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }

    /// <summary>When the follow-up alert went out; cleared when the date changes, so a new date alerts again.</summary>
    public DateTimeOffset? FollowUpAlertedAt { get; set; }

    /// <summary>Upwork's id for this proposal once the status sync has linked it.</summary>
    public string? UpworkProposalId { get; set; }

    /// <summary>
    /// The job's title when the proposal was made. Once the job's Upwork content expires (docs/data-retention.md) it stays
    /// only on a sent proposal, as its reference; an unsent draft's is emptied.
    /// </summary>
    public required string JobTitle { get; set; }

    /// <summary>The job's id on Upwork: copied in when the job's content expires, on sent proposals only (the reference).</summary>
    public string? UpworkJobId { get; set; }

    /// <summary>The job's page on Upwork: copied in when the job's content expires, on sent proposals only (the reference).</summary>
    public string? JobUrl { get; set; }

    /// <summary>When the job's details were removed under Upwork's 24-hour rule; the UI then offers "open on Upwork".</summary>
    public DateTimeOffset? JobExpiredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}
