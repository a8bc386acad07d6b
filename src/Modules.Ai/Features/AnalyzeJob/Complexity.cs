namespace Modules.Ai.Features.AnalyzeJob;

/// <summary>The project's size and scope, and why.</summary>
internal sealed record Complexity(ComplexityLevel Level, string Reason);
