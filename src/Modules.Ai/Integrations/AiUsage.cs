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
}
