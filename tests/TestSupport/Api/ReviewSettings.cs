namespace TestSupport.Api;

/// <summary>Who needs a review before sending: every bidder, or the ones listed.</summary>
public sealed record ReviewSettings(bool AllBidders, IReadOnlyList<Guid> Bidders);
