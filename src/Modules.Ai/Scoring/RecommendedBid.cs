using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>The range to bid in, rounded to whole dollars.</summary>
internal sealed record RecommendedBid(decimal Min, decimal Max, string Currency, BidKind Kind, string Reason);
