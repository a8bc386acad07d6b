namespace TestSupport.Api;

/// <summary>A proposal as <c>/api/v1/upwork/proposals</c> answers it (the fields tests read).</summary>
public sealed record ProposalView(
    Guid Id, Guid JobPostingId, string JobTitle, string? CoverLetter, decimal? BidAmount, string Status, bool AiGenerated,
    DateTimeOffset? SubmittedAt, IReadOnlyList<ProposalTransition> History);
