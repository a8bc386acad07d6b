namespace TestSupport.Api;

/// <summary>What sending a proposal for review answers.</summary>
public sealed record ReviewSent(Guid ReviewId);
