namespace TestSupport.Api;

/// <summary>One member's period of bidding.</summary>
public sealed record BidderRow(
    Guid UserId, string Name, int Claimed, int Drafted, int Sent, int Reviewed, double? MedianTurnaroundMinutes,
    int Replied, int Hired, decimal? ReplyRate, decimal? HireRate, int ConnectsSpent, decimal AiSpend);
