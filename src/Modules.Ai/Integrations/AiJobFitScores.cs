using Contracts.Ai;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace Modules.Ai.Integrations;

/// <summary>The module's side of <see cref="IJobFitScores"/>: the smart filter's fit score for the user's default profile (cached per job).</summary>
internal sealed class AiJobFitScores(AnalyzeJobPosting analyze, Models.ModelStore models) : IJobFitScores
{
    public async Task<int?> LearnedFromAsync(Guid userId, CancellationToken ct) => (await models.GetAsync(userId, ct)).Success?.Rows;

    public async Task<IReadOnlyDictionary<Guid, int>> ScoreAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct) =>
        jobPostingIds.Count == 0 ? new Dictionary<Guid, int>() : await analyze.FitScoresAsync(userId, jobPostingIds, ct);
}
