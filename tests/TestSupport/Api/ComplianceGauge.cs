namespace TestSupport.Api;

/// <summary>One gauge of the compliance page: what was used against its limit.</summary>
public sealed record ComplianceGauge(string Key, string Label, int Value, int Limit);
