using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>A whole-number score with the one line that explains it to the freelancer.</summary>
internal sealed record Scored(int Value, string Reason);
