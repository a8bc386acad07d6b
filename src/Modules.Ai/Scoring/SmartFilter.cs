using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>Scores a batch of jobs for a profile and ranks them by fit, best first, each with its top reasons.</summary>
internal sealed class SmartFilter(JobAnalyzer analyzer, ITextEmbedder? embedder = null)
{
    /// <summary>
    /// Ranks <paramref name="jobs"/> by <see cref="JobAnalysis.FitScore"/> (ties: fewer proposals, then newer first), keeping
    /// those scoring at least <paramref name="minFitScore"/>, at most <paramref name="take"/> of them.
    /// </summary>
    public async Task<IReadOnlyList<RankedJobPosting>> RankAsync(
        IReadOnlyList<JobPostingDetails> jobs, FreelancerProfile? profile, AnalysisModels models, DateTimeOffset now,
        int minFitScore = 0, int take = int.MaxValue, CancellationToken ct = default)
    {
        if (embedder is not null && profile is not null)
        {
            // One batch for every job's skills beats one small batch per job; the embedder caches the vectors.
            var texts = jobs.SelectMany(j => j.Skills).Where(s => !string.IsNullOrWhiteSpace(s))
                .Select(SkillMatcher.Query)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (texts.Count > 0) await embedder.EmbedAsync(texts, ct);
        }
        var ranked = new List<RankedJobPosting>(jobs.Count);
        foreach (var job in jobs)
        {
            var analysis = await analyzer.AnalyzeAsync(job, profile, models, now, ct);
            if (analysis.FitScore.Value >= minFitScore) ranked.Add(new RankedJobPosting(job, analysis, JobAnalyzer.TopReasons(analysis)));
        }
        return ranked
            .OrderByDescending(r => r.FitScore)
            .ThenBy(r => r.Job.ProposalsCount ?? int.MaxValue)
            .ThenByDescending(r => r.Job.PostedAt)
            .ThenBy(r => r.Job.Id)
            .Take(take).ToList();
    }
}
