using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Ai.Data;
using Modules.Ai.Integrations.Providers;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// Turns a letter request into a <see cref="PreparedLetter"/>: resolves the job, profile, template, settings and provider
/// chain (together), looks the request up in the cache (<c>ai_cache:{hash}</c>), and checks quota and spending cap
/// before anything could reach a paid provider — everything that can be refused with a 4xx, before a byte is streamed.
/// </summary>
internal sealed class LetterPreparation(
    IDbContextFactory<AppDbContext> contexts,
    IUpworkJobs jobs,
    IJobClaims claims,
    IFreelancerProfiles profiles,
    IMemberDirectory members,
    SpendingGuard spending,
    ProviderChain chain,
    ITemplates templates,
    HybridCache cache,
    LetterRepeats repeats,
    TimeProvider time)
{
    public static string CacheKey(string hash) => $"ai_cache:{hash}";

    /// <summary>The longest a cached letter is kept: it may quote a job, and Upwork content goes after 24 hours.</summary>
    public static readonly TimeSpan MaxCacheTtl = TimeSpan.FromHours(23);

    /// <summary>
    /// The cached letter of a request asked for before with nothing it depends on changed since, found without resolving
    /// anything (<see cref="LetterRepeats"/>); null sends the request the long way, <see cref="PrepareAsync"/>.
    /// </summary>
    public async Task<RepeatedLetter?> FindRepeatAsync(Guid userId, LetterRequest request, CancellationToken ct)
    {
        if (request.Regenerate) return null;
        // Claims change without a stamp (they expire by the clock): checked on every request, as on the long way.
        if (request.JobPostingId is { } claimedJob && await claims.BlockingAsync(userId, claimedJob, ct) is { } blocked) throw new JobClaimedException(blocked);
        if (await repeats.KeyAsync(userId, request) is not { } front || await repeats.FindAsync(front, ct) is not { } entry) return null;
        if (await FindAsync(entry.Key, ct) is not { } cached) return null;
        AiMetrics.CacheLookup("hit");
        return new RepeatedLetter(userId, Guid.NewGuid(), entry, cached);
    }

    /// <summary>Checks and resolves everything that can be refused with a 4xx, before a byte is streamed.</summary>
    public async Task<PreparedLetter> PrepareAsync(Guid userId, LetterRequest request, CancellationToken ct)
    {
        // A job a teammate claimed is theirs to write for (docs/features.md, "Claiming").
        if (request.JobPostingId is { } claimedJob && await claims.BlockingAsync(userId, claimedJob, ct) is { } blocked) throw new JobClaimedException(blocked);
        // Read before anything is resolved: an input that changes from here on bumps a stamp this key no longer matches.
        var repeatKey = await repeats.KeyAsync(userId, request);
        // The lookups are independent: run them together (each on its own context) rather than one after another.
        var jobTask = request.JobPostingId is { } jobId ? jobs.GetAsync(userId, jobId, ct) : Task.FromResult<JobPostingDetails?>(request.Job!.ToDetails(time.GetUtcNow()));
        var profileTask = request.ProfileId is { } profileId
            ? profiles.GetAsync(userId, profileId, ct)
            : DefaultProfileAsync(userId, ct);
        var templateTask = templates.FindAsync(userId, request.TemplateId, ct);
        var settingsTask = SettingsAsync(userId, ct);
        var keysTask = chain.KeysAsync(userId, ct);
        var namesTask = members.NamesAsync([userId], ct);
        await Task.WhenAll(jobTask, profileTask, templateTask, settingsTask, keysTask, namesTask);
        var job = await jobTask ?? throw new InputNotFoundException("jobPostingId", "Job posting not found");
        var profile = await profileTask;
        if (profile is null && request.ProfileId is not null) throw new InputNotFoundException("profileId", "Profile not found");
        var template = await templateTask ?? throw new InputNotFoundException("templateId", "Template not found");
        var settings = await settingsTask;
        var (steps, skipped) = chain.Plan(await keysTask, settings, request.Provider);

        var inputs = new LetterInputs(job, profile, (request.Tone ?? Tones.Default).Trim().ToLowerInvariant(), request.TargetWords ?? 400,
            request.ScreeningQuestions?.Select(q => q.Trim()).ToList() ?? [],
            profile?.SampleLetters.Where(l => l.Won).Select(l => l.Text).ToList() ?? [],
            LetterComposer.FirstName((await namesTask).GetValueOrDefault(userId)));
        var key = CacheKey(Hash(inputs, template, steps, settings));
        GenerationResult? cached = null;
        if (!request.Regenerate)
        {
            cached = await FindAsync(key, ct);
            AiMetrics.CacheLookup(cached is null ? "miss" : "hit");
        }
        else AiMetrics.CacheLookup("bypass");
        var prepared = new PreparedLetter(userId, request, inputs, template, steps, skipped, settings, key, Guid.NewGuid(), cached, repeatKey);
        // A cached letter costs nothing; anything else may call a paid provider, so quota and cap are checked now.
        if (cached is null) await spending.GuardPaidAsync(prepared, ct);
        return prepared;
    }

    private async Task<GenerationResult?> FindAsync(string key, CancellationToken ct) =>
        await cache.GetOrCreateAsync<GenerationResult?>(key, _ => ValueTask.FromResult<GenerationResult?>(null),
            new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite },
            cancellationToken: ct);

    private async Task<FreelancerProfile?> DefaultProfileAsync(Guid userId, CancellationToken ct) => (await profiles.ListAsync(userId, ct)).FirstOrDefault();

    private async Task<AiSettings?> SettingsAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AiSettings().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
    }

    /// <summary>Identical inputs give the same hash: template and version, job content, profile content, chain, parameters.</summary>
    private static string Hash(LetterInputs inputs, TemplateDto template, IReadOnlyList<ChainStep> steps, AiSettings? settings)
    {
        var key = JsonSerializer.Serialize(new
        {
            template = new { template.Id, template.Version, template.Body },
            job = new { inputs.Job.Id, inputs.Job.Title, inputs.Job.Description, inputs.Job.Skills, inputs.Job.BudgetMin, inputs.Job.BudgetMax, inputs.Job.JobType },
            profile = inputs.Profile,
            chain = steps.Select(s => $"{s.Kind}:{string.Join('>', s.Models)}:{s.BaseUrl}"),
            inputs.Tone, inputs.TargetWords, inputs.Questions, inputs.FreelancerName,
            settings = new { settings?.MaxTokens, settings?.Temperature },
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
