namespace TestSupport.Api;

/// <summary>One check of the letter rubric.</summary>
public sealed record QualityCheck(string Name, bool Passed);
