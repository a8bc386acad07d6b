namespace TestSupport.Api;

/// <summary>The AI settings' view of the workspace keys' limits.</summary>
public sealed record AiSharedKeys(SharedKeyLimits SharedKeys);
