namespace TestSupport.Api;

/// <summary>A finished letter as <c>POST /api/v1/ai/letters</c> answers it (the fields tests read).</summary>
public sealed record Letter(
    Guid Id, string Text, string Provider, string Model, bool CacheHit, int? TokensIn, int? TokensOut, bool TokensEstimated,
    decimal? Cost, int? TimeToFirstTokenMs, LetterQuality Quality, IReadOnlyList<LetterAttempt> Attempts);
