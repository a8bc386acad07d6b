namespace TestSupport.Api;

/// <summary>A headline number of the dashboard; null when it cannot be computed.</summary>
public sealed record Kpi(string Key, decimal? Value);
