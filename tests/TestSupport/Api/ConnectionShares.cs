namespace TestSupport.Api;

/// <summary>Who an admin shares the Upwork connection with.</summary>
public sealed record ConnectionShares(IReadOnlyList<ConnectionShare> SharedWith);
