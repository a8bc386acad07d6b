namespace Contracts.Ai;

/// <summary>What the AI module tells the Analytics module about a user's generations.</summary>
public interface IAiUsage
{
    /// <summary>The user's generations created in [from, to); a null user means the whole workspace (admins only; the caller checks).</summary>
    Task<IReadOnlyList<GenerationFact>> GenerationsAsync(Guid? userId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The quality score of the user's latest scored cover letter for each of <paramref name="jobIds"/> that has one.</summary>
    Task<IReadOnlyDictionary<Guid, decimal>> LetterQualityAsync(Guid userId, IReadOnlyCollection<Guid> jobIds, CancellationToken ct);

    /// <summary>Each member's AI spend (USD) on generations created in [from, to), for the team view (the caller checks the asker may read it).</summary>
    Task<IReadOnlyDictionary<Guid, decimal>> SpendPerUserAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary>One generation: when, who wrote it, what it cost, how it scored, and for which job.</summary>
public sealed record GenerationFact(Guid Id, Guid? JobPostingId, string Kind, string Provider, string Model, decimal? Cost, decimal? QualityScore, bool CacheHit, DateTimeOffset CreatedAt);
