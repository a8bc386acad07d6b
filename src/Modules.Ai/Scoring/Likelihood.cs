using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>A probability (0–1) with the one line that explains it to the freelancer.</summary>
internal sealed record Likelihood(double Value, string Reason);
