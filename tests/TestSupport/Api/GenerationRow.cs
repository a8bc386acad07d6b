namespace TestSupport.Api;

/// <summary>A row of <c>GET /api/v1/ai/generations</c>.</summary>
public sealed record GenerationRow(Guid Id, Guid? JobPostingId, string Kind, string Provider, string Model, bool CacheHit);
