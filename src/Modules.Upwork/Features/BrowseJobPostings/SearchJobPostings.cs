using Contracts.Ai;

namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary>
/// The job list a user asks for (the API's <c>GET upwork/jobs</c> and the Jobs page): newest first and by relevance
/// from <see cref="BrowseJobPostings"/>, and by fit for the user's default profile, ranked with the AI module's scores.
/// Data flows one way: the AI module reads jobs through <c>IUpworkJobs</c>, which uses <see cref="BrowseJobPostings"/>
/// and never this ranking, so the scorer is injected like any other dependency (no service locator).
/// </summary>
internal sealed class SearchJobPostings(BrowseJobPostings browse, IJobFitScores? scorer = null)
{
    public async Task<JobPostingResults> RunAsync(JobPostingQuery query, Guid? userId, CancellationToken ct)
    {
        if (query.Sort != "fit" || userId is not { } user || scorer is null) return await browse.RunAsync(query, userId, ct);
        var window = await browse.FitWindowAsync(query, user, ct);
        var scores = window.Items.Count == 0 ? new Dictionary<Guid, int>() : await scorer.ScoreAsync(user, window.Items.Select(j => j.Id).ToList(), ct);
        var ranked = BrowseJobPostings.RankAndPage(window, scores, query);
        if (await scorer.LearnedFromAsync(user, ct) is not { } learned) return ranked;
        return ranked with { Items = ranked.Items.Select(j => j.FitScore is null ? j : j with { FitLearnedFrom = learned }).ToList() };
    }
}
