namespace TestSupport.Api;

/// <summary>A review in the reviewer's queue or the bidder's own list.</summary>
public sealed record ReviewRow(Guid Id, Guid ProposalId, Guid BidderId, string Bidder, string State, string? Comment);
