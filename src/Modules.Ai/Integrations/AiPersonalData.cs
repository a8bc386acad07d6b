using Contracts.Identity;
using Modules.Ai.Data;

namespace Modules.Ai.Integrations;

/// <summary>
/// The AI module's part of a user's data export and erasure: their generations, the letters they were editing, their
/// prompt templates (<c>ai.templates</c>), their AI settings (<c>ai.settings</c>) and the models trained on their
/// outcomes (<c>ai.models</c>; the export lists each model's metadata, not its bytes).
/// </summary>
internal sealed class AiPersonalData(IDbContextFactory<AppDbContext> contexts, GenerationHits hits) : IPersonalDataContributor
{
    public string Name => "ai-generations";

    public async Task<object> ExportAsync(Guid userId, CancellationToken ct)
    {
        await hits.WaitForPendingAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return new
        {
            generations = await db.Set<Generation>().AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.CreatedAt)
                .Select(g => new { g.Id, g.JobPostingId, g.Provider, g.Model, g.Prompt, g.Response, g.TokensUsed, g.Cost, g.QualityScore, g.CreatedAt })
                .ToListAsync(ct),
            lettersBeingEdited = await db.Set<LetterDraft>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.UpdatedAt)
                .Select(d => new { d.JobPostingId, d.Text, d.Answers, d.UpdatedAt }).ToListAsync(ct),
            templates = await db.Templates().AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Description, t.Body, t.Version, t.CreatedAt, t.UpdatedAt }).ToListAsync(ct),
            settings = await db.AiSettings().AsNoTracking().Where(s => s.UserId == userId)
                .Select(s => new { s.ProviderOrder, s.OpenAIModel, s.AnthropicModel, s.CompatibleModel, s.CompatibleBaseUrl, s.MaxTokens, s.Temperature, s.MonthlySpendingCapUsd, s.UpdatedAt })
                .ToListAsync(ct),
            trainedModels = await db.Models().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Name).ThenBy(m => m.Version)
                .Select(m => new { m.Id, m.Name, m.Version, m.TrainedAt, m.Rows, m.Metrics, m.IsActive }).ToListAsync(ct),
        };
    }

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await hits.WaitForPendingAsync(ct);   // no cached-letter row of theirs is written after this
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<Generation>().Where(g => g.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<LetterDraft>().Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Templates().Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.AiSettings().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Models().Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
