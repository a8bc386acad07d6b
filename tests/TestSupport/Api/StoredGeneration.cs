namespace TestSupport.Api;

/// <summary>A generation as <c>GET /api/v1/ai/generations/{id}</c> answers it: the prompt and response kept.</summary>
public sealed record StoredGeneration(
    Guid Id, string Prompt, string Response, string Provider, string Model, int? TokensOut, bool TokensEstimated, decimal? Cost,
    LetterQuality? Quality, IReadOnlyList<LetterAttempt>? Attempts);
