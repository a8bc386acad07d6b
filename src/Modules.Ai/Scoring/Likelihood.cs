using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>
/// A probability (0–1) with the one line that explains it to the freelancer; <paramref name="LearnedFrom"/> is how many of the
/// user's own decided proposals their personal success model learned from, when one took part (null: the general model alone).
/// </summary>
internal sealed record Likelihood(double Value, string Reason, int? LearnedFrom = null);
