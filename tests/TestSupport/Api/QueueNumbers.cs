namespace TestSupport.Api;

/// <summary>Letters waiting for review now, and the period's decisions with the median minutes to decision.</summary>
public sealed record QueueNumbers(int Waiting, int Decisions, double? MedianDecisionMinutes);
