namespace TestSupport.Api;

/// <summary>One criterion of a saved search, checked against a job.</summary>
public sealed record CriterionResult(string Criterion, bool Passed, string Reason);
