using Contracts.Ai;
using Modules.Ai.Data;

namespace Modules.Ai.Integrations;

/// <summary>The module's side of <see cref="IAiUsage"/>: the asking user's generations only.</summary>
internal sealed class AiUsage(IDbContextFactory<AppDbContext> contexts) : IAiUsage
{
    public async Task<IReadOnlyList<GenerationFact>> GenerationsAsync(Guid? userId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Generations().AsNoTracking().Where(g => (userId == null || g.UserId == userId) && g.CreatedAt >= from && g.CreatedAt < to)
            .Select(g => new GenerationFact(g.Id, g.JobPostingId, g.Kind, g.Provider, g.Model, g.Cost, g.QualityScore, g.CacheHit, g.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, decimal>> SpendPerUserAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Summed here rather than in SQL: SQLite cannot sum decimals, and a period's generations are few.
        var costs = await db.Generations().AsNoTracking().Where(g => g.CreatedAt >= from && g.CreatedAt < to && g.Cost != null)
            .Select(g => new { g.UserId, g.Cost }).ToListAsync(ct);
        return costs.GroupBy(g => g.UserId).ToDictionary(g => g.Key, g => g.Sum(c => c.Cost!.Value));
    }

    public async Task<IReadOnlyDictionary<Guid, decimal>> LetterQualityAsync(Guid userId, IReadOnlyCollection<Guid> jobIds, CancellationToken ct)
    {
        if (jobIds.Count == 0) return new Dictionary<Guid, decimal>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var scored = await db.Generations().AsNoTracking()
            .Where(g => g.UserId == userId && g.Kind == GenerationKinds.CoverLetter && g.QualityScore != null && g.JobPostingId != null && jobIds.Contains(g.JobPostingId.Value))
            .Select(g => new { JobPostingId = g.JobPostingId!.Value, Score = g.QualityScore!.Value, g.CreatedAt })
            .ToListAsync(ct);
        return scored.GroupBy(g => g.JobPostingId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.CreatedAt)!.Score);
    }
}
