namespace TestSupport.Api;

/// <summary>What testing an AI key answers: whether the provider accepted it, and its words if not.</summary>
public sealed record KeyTestResult(bool Ok, string? Message);
