namespace TestSupport.Api;

/// <summary>A letter's score, each check, the claims the profile does not back, and the closest earlier letter.</summary>
public sealed record LetterQuality(decimal Score, IReadOnlyList<QualityCheck> Checks, IReadOnlyList<string> UnsupportedClaims, double MaxSimilarity);
