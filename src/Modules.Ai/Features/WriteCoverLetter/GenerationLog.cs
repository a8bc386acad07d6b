using System.Text.Json;
using Modules.Ai.Data;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>The record of letters written (<c>ai.generations</c>): what each one stored, and what a new one is compared with.</summary>
internal sealed class GenerationLog(IDbContextFactory<AppDbContext> contexts, GenerationHits hits)
{
    /// <summary>
    /// The user's recent letters for <b>other</b> jobs: a copy sent to two clients is what the check is for; drafts
    /// regenerated for the same job are bound to look alike.
    /// </summary>
    public async Task<IReadOnlyList<string>> PreviousLettersAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Generations().AsNoTracking()
            .Where(g => g.UserId == userId && g.Kind == GenerationKinds.CoverLetter && !g.CacheHit && (jobId == Guid.Empty || g.JobPostingId != jobId))
            .OrderByDescending(g => g.CreatedAt).Take(50).Select(g => g.Response).ToListAsync(ct);
    }

    /// <summary>Stores a finished letter with its prompt, provider, model, tokens, cost, timings and quality.</summary>
    public async Task StoreAsync(PreparedLetter job, GenerationResult r, string prompt, CancellationToken ct)
    {
        // The letter is the user's even if they closed the page a moment ago: not the caller's token.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.Generations().Add(Row(job.UserId, job.Inputs.Profile?.Id, job.Template.Id, job.Inputs.Tone, r, prompt));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Queues the row of a cached letter served again, a hit of its own (<see cref="GenerationHits"/>).</summary>
    public ValueTask StoreHitAsync(RepeatedLetter job, GenerationResult r) =>
        hits.AddAsync(Row(job.UserId, job.Entry.ProfileId, job.Entry.TemplateId, job.Entry.Tone, r, job.Entry.Prompt));

    private static Generation Row(Guid userId, Guid? profileId, string templateId, string tone, GenerationResult r, string prompt) =>
        new()
        {
            Id = r.Id, UserId = userId, JobPostingId = r.JobPostingId, Kind = GenerationKinds.CoverLetter, ProfileId = profileId,
            TemplateId = templateId, Tone = tone, Prompt = prompt, Response = r.Text, Provider = r.Provider, Model = r.Model,
            TokensIn = r.CacheHit ? null : r.TokensIn, TokensOut = r.CacheHit ? null : r.TokensOut,
            TokensUsed = r.CacheHit ? null : r.TokensIn + r.TokensOut, TokensEstimated = r.TokensEstimated,
            Cost = r.Cost, QualityScore = r.Quality.Score, Quality = JsonSerializer.Serialize(r.Quality, JsonSerializerOptions.Web),
            Attempts = r.Attempts.Count == 0 ? null : JsonSerializer.Serialize(r.Attempts, JsonSerializerOptions.Web), CacheHit = r.CacheHit,
            LatencyMs = r.LatencyMs, TimeToFirstTokenMs = r.TimeToFirstTokenMs, CreatedAt = r.CreatedAt,
        };
}
