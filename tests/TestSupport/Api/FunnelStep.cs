namespace TestSupport.Api;

/// <summary>One step of the dashboard's funnel.</summary>
public sealed record FunnelStep(string Key, int Count);
