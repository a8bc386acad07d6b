using Contracts.Identity;
using Modules.Ai.Data;

namespace Modules.Ai.Integrations;

/// <summary>The AI module's part of a user's data export and erasure: their generations and the letters they were editing.</summary>
internal sealed class AiPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataContributor
{
    public string Name => "ai-generations";

    public async Task<object> ExportAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return new
        {
            generations = await db.Set<Generation>().AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.CreatedAt)
                .Select(g => new { g.Id, g.JobPostingId, g.Provider, g.Model, g.Prompt, g.Response, g.TokensUsed, g.Cost, g.QualityScore, g.CreatedAt })
                .ToListAsync(ct),
            lettersBeingEdited = await db.Set<LetterDraft>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.UpdatedAt)
                .Select(d => new { d.JobPostingId, d.Text, d.UpdatedAt }).ToListAsync(ct),
        };
    }

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<Generation>().Where(g => g.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<LetterDraft>().Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
