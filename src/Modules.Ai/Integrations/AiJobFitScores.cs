using Contracts.Ai;
using Modules.Ai.Features.AnalyzeJob;

namespace Modules.Ai.Integrations;

/// <summary>The module's side of <see cref="IJobFitScores"/>: the smart filter's fit score for the user's default profile.</summary>
internal sealed class AiJobFitScores(AnalyzeJobPosting analyze) : IJobFitScores
{
    public async Task<IReadOnlyDictionary<Guid, int>> ScoreAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct)
    {
        if (jobPostingIds.Count == 0) return new Dictionary<Guid, int>();
        var ranked = await analyze.RankAsync(userId, new SmartFilterRequest(jobPostingIds.ToList(), null, 0, jobPostingIds.Count), ct);
        return ranked.ToDictionary(r => r.Job.Id, r => r.Analysis.FitScore.Value);
    }
}
