using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>How trustworthy the client looks (1–10), with the facts it rests on ("payment verified", "$12k spent").</summary>
internal sealed record ClientReliability(int Score, IReadOnlyList<string> Indicators, string Reason);
