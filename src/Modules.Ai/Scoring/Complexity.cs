using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>The project's size and scope, and why.</summary>
internal sealed record Complexity(ComplexityLevel Level, string Reason);
