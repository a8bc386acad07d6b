namespace TestSupport.Api;

/// <summary>A member the Upwork connection is shared with.</summary>
public sealed record ConnectionShare(Guid UserId, string Name);
