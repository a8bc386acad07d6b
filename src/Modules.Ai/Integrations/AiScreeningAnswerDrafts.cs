using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Integrations.Providers;

namespace Modules.Ai.Integrations;

/// <summary>The module's side of <see cref="IScreeningAnswerDrafts"/>: the offline writer's answers for the user's default profile.</summary>
internal sealed class AiScreeningAnswerDrafts(IUpworkJobs jobs, IFreelancerProfiles profiles) : IScreeningAnswerDrafts
{
    public async Task<IReadOnlyList<string>> DraftAsync(Guid userId, Guid jobPostingId, IReadOnlyList<string> questions, CancellationToken ct)
    {
        if (questions.Count == 0) return [];
        var job = await jobs.GetAsync(userId, jobPostingId, ct);
        if (job is null) return [];
        var profile = (await profiles.ListAsync(userId, ct)).FirstOrDefault();
        return questions.Select(q => OfflineWriter.Answer(job, profile, q)).ToList();
    }
}
