namespace TestSupport.Api;

/// <summary>The team's bidders and review queue as <c>/api/v1/analytics/team/bidders</c> answers them.</summary>
public sealed record BidderNumbers(IReadOnlyList<BidderRow> Bidders, QueueNumbers Queue);
