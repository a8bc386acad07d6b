using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Identity;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using FluentValidation;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Modules.Ai.Writing;
using Shared.Events;

namespace Modules.Ai.Features.AnalyzeJob;

/// <summary>Body of <c>POST /api/v1/ai/analyze-job</c>: a stored job by id, or a job inline, for a profile (default: yours).</summary>
internal sealed record AnalyzeRequest(Guid? JobPostingId = null, InlineJobPosting? Job = null, Guid? ProfileId = null);

/// <summary>Body of <c>POST /api/v1/ai/smart-filter</c>: jobs to rank (default: the 100 newest), for a profile.</summary>
internal sealed record SmartFilterRequest(IReadOnlyList<Guid>? JobPostingIds = null, Guid? ProfileId = null, int? MinFitScore = null, int? Take = null);

internal sealed class AnalyzeRequestValidator : AbstractValidator<AnalyzeRequest>
{
    public AnalyzeRequestValidator()
    {
        RuleFor(r => r.JobPostingId).NotNull().When(r => r.Job is null).WithMessage("jobPostingId is required (or give the job inline as job)");
        RuleFor(r => r.Job!.Title).NotEmpty().WithMessage("job.title is required").MaximumLength(300).WithMessage("job.title must be at most 300 characters")
            .When(r => r.Job is not null).OverridePropertyName("job.title");
        RuleFor(r => r.Job!.Description).MaximumLength(20_000).WithMessage("job.description must be at most 20,000 characters")
            .When(r => r.Job is not null).OverridePropertyName("job.description");
        RuleFor(r => r.Job!.Skills).Must(s => s is null || (s.Count <= 50 && s.All(x => x is not null && x.Length <= 100)))
            .WithMessage("job.skills must be at most 50 skills of at most 100 characters").When(r => r.Job is not null).OverridePropertyName("job.skills");
    }
}

internal sealed class SmartFilterRequestValidator : AbstractValidator<SmartFilterRequest>
{
    public SmartFilterRequestValidator()
    {
        RuleFor(r => r.JobPostingIds).Must(ids => ids is null || ids.Count is > 0 and <= 200).WithMessage("jobPostingIds must hold 1 to 200 ids");
        RuleFor(r => r.MinFitScore).InclusiveBetween(0, 100).WithMessage("minFitScore must be between 0 and 100");
        RuleFor(r => r.Take).InclusiveBetween(1, 200).WithMessage("take must be between 1 and 200");
    }
}

/// <summary>
/// The offline analysis (no LLM): rules plus the trained models, for the job and the chosen profile. A stored job's
/// analysis is cached for an hour per job, profile content and model versions, so a repeat costs nothing.
/// </summary>
internal sealed class AnalyzeJobPosting(
    IUpworkJobs jobs, IFreelancerProfiles profiles, ModelStore models, JobAnalyzer analyzer, SmartFilter smartFilter, HybridCache cache, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    public async Task<JobAnalysis> RunAsync(Guid userId, AnalyzeRequest request, CancellationToken ct)
    {
        var job = request.JobPostingId is { } id
            ? await jobs.GetAsync(userId, id, ct) ?? throw new InputNotFoundException("jobPostingId", "Job posting not found")
            : request.Job!.ToDetails(time.GetUtcNow());
        var profile = await ProfileAsync(userId, request.ProfileId, ct);
        var loaded = await models.GetAsync(userId, ct);
        if (job.Id == Guid.Empty) return await analyzer.AnalyzeAsync(job, profile, loaded, time.GetUtcNow(), ct);
        var key = $"ai_analysis:{job.Id:N}:{Hash(profile, loaded.Versions, job)}";
        return await cache.GetOrCreateAsync(key, async token => await analyzer.AnalyzeAsync(job, profile, loaded, time.GetUtcNow(), token),
            new HybridCacheEntryOptions { Expiration = Ttl, LocalCacheExpiration = Ttl }, cancellationToken: ct);
    }

    public async Task<IReadOnlyList<RankedJobPosting>> RankAsync(Guid userId, SmartFilterRequest request, CancellationToken ct)
    {
        var ids = request.JobPostingIds ?? (await jobs.NewestAsync(userId, 100, ct)).Select(j => j.Id).ToList();
        var found = await jobs.GetManyAsync(userId, ids, ct);
        var profile = await ProfileAsync(userId, request.ProfileId, ct);
        return await smartFilter.RankAsync(found, profile, await models.GetAsync(userId, ct), time.GetUtcNow(), request.MinFitScore ?? 0, request.Take ?? 50, ct);
    }

    /// <summary>
    /// Fit scores of the default profile for the Jobs list's sort=fit (up to 200 jobs a request). Each job's score is
    /// cached under the same inputs as its full analysis (profile, model versions, job fields), so a repeat request
    /// analyses only the jobs that arrived or changed since; the missing ones are analysed together (one embedding batch).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> FitScoresAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct)
    {
        var found = await jobs.GetManyAsync(userId, jobPostingIds.ToList(), ct);
        var profile = await ProfileAsync(userId, null, ct);
        var loaded = await models.GetAsync(userId, ct);
        var scores = new Dictionary<Guid, int>(found.Count);
        var missing = new List<(JobPostingDetails Job, string Key)>();
        var peek = new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite };
        foreach (var job in found)
        {
            var key = $"ai_fit:{job.Id:N}:{Hash(profile, loaded.Versions, job)}";
            var cached = await cache.GetOrCreateAsync<int?>(key, _ => ValueTask.FromResult<int?>(null), peek, cancellationToken: ct);
            if (cached is { } score) scores[job.Id] = score;
            else missing.Add((job, key));
        }
        if (missing.Count == 0) return scores;
        var ranked = await smartFilter.RankAsync(missing.Select(m => m.Job).ToList(), profile, loaded, time.GetUtcNow(), 0, missing.Count, ct);
        var keys = missing.ToDictionary(m => m.Job.Id, m => m.Key);
        var store = new HybridCacheEntryOptions { Expiration = Ttl, LocalCacheExpiration = Ttl };
        foreach (var r in ranked)
        {
            scores[r.Job.Id] = r.Analysis.FitScore.Value;
            await cache.SetAsync<int?>(keys[r.Job.Id], r.Analysis.FitScore.Value, store, cancellationToken: ct);
        }
        return scores;
    }

    private async Task<FreelancerProfile?> ProfileAsync(Guid userId, Guid? profileId, CancellationToken ct) => profileId is { } pid
        ? await profiles.GetAsync(userId, pid, ct) ?? throw new InputNotFoundException("profileId", "Profile not found")
        : (await profiles.ListAsync(userId, ct)).FirstOrDefault();

    private static string Hash(FreelancerProfile? profile, IReadOnlyDictionary<string, int> versions, JobPostingDetails job) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { profile, versions, job.Title, job.Description, job.Skills, job.ProposalsCount, job.BudgetMin, job.BudgetMax }))))[..32];
}

/// <summary>
/// Embeds a new job's skills on arrival, so the first analysis of it is instant. Only once the encoder is loaded (someone
/// has analysed a job): a fresh install that never analyses does not pay the model's memory.
/// </summary>
internal sealed class EmbedNewJobPosting(IUpworkJobs jobs, MiniLmEmbedder embedder) : IEventHandler<JobPostingDiscovered>
{
    public async Task HandleAsync(JobPostingDiscovered e, CancellationToken ct)
    {
        if (!embedder.IsLoaded) return;
        var details = (await jobs.GetManyAsync(Guid.Empty, [e.JobPostingId], ct)).FirstOrDefault();   // nobody's: demo jobs; the rest embed on first analysis
        var texts = (details?.Skills ?? []).Append(e.Title).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (texts.Count > 0) await embedder.EmbedAsync(texts, ct);
    }
}
