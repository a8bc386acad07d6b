namespace ArchitectureTests.Features.AnalyzeJob;

// Deliberately bad: two slices of this assembly, one using the other's type (the slice rule must flag it).

/// <summary>A type internal to the AnalyzeJob slice.</summary>
internal sealed record JobScore(int Value);
