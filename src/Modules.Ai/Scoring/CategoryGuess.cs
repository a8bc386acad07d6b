using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>The category a job without one most likely belongs to.</summary>
/// <param name="Category">Upwork's top-level category name.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Reason">One line a freelancer reads.</param>
internal sealed record CategoryGuess(string Category, double Confidence, string Reason);
