using System.Text.Json;
using Modules.Ai.Data;

namespace Modules.Ai.Features.ListGenerations;

/// <summary>The user's generations: the recent ones (optionally for one job), and one in full with its prompt and checks.</summary>
internal sealed class ListGenerations(IDbContextFactory<AppDbContext> contexts, GenerationHits hits)
{
    public async Task<IReadOnlyList<GenerationRow>> RunAsync(Guid userId, Guid? jobPostingId, int? limit, CancellationToken ct)
    {
        await hits.WaitForPendingAsync(ct);   // the hits served before this request are in the list
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Generations().AsNoTracking().Where(g => g.UserId == userId);
        if (jobPostingId is { } jid) query = query.Where(g => g.JobPostingId == jid);
        return await query.OrderByDescending(g => g.CreatedAt).Take(Math.Clamp(limit ?? 50, 1, 200))
            .Select(g => new GenerationRow(g.Id, g.JobPostingId, g.Kind, g.Provider, g.Model, g.TokensIn, g.TokensOut, g.Cost, g.QualityScore, g.CacheHit,
                g.LatencyMs, g.TimeToFirstTokenMs, g.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>Null when the user has no such generation (someone else's answers the same).</summary>
    public async Task<GenerationDetail?> FindAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await hits.WaitForPendingAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await db.Generations().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        return g is null ? null : new GenerationDetail(
            g.Id, g.JobPostingId, g.Kind, g.ProfileId, g.TemplateId, g.Tone, g.Prompt, g.Response, g.Provider, g.Model, g.TokensIn, g.TokensOut,
            g.TokensUsed, g.TokensEstimated, g.Cost, g.QualityScore, Json(g.Quality), Json(g.Attempts), g.CacheHit,
            g.LatencyMs, g.TimeToFirstTokenMs, g.CreatedAt);
    }

    private static JsonElement? Json(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}

internal sealed record GenerationRow(
    Guid Id, Guid? JobPostingId, string Kind, string Provider, string Model, int? TokensIn, int? TokensOut, decimal? Cost, decimal? QualityScore,
    bool CacheHit, int LatencyMs, int? TimeToFirstTokenMs, DateTimeOffset CreatedAt);

internal sealed record GenerationDetail(
    Guid Id, Guid? JobPostingId, string Kind, Guid? ProfileId, string? TemplateId, string? Tone, string Prompt, string Response, string Provider,
    string Model, int? TokensIn, int? TokensOut, int? TokensUsed, bool TokensEstimated, decimal? Cost, decimal? QualityScore, JsonElement? Quality,
    JsonElement? Attempts, bool CacheHit, int LatencyMs, int? TimeToFirstTokenMs, DateTimeOffset CreatedAt);
