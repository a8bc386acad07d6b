namespace Contracts.Ai;

/// <summary>How well jobs fit a user's default profile (0–100), from the AI module's offline analysis.</summary>
public interface IJobFitScores
{
    /// <summary>A fit score per job the user may see; jobs they may not see are left out.</summary>
    Task<IReadOnlyDictionary<Guid, int>> ScoreAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct);

    /// <summary>How many of the user's own decided proposals the scores learned from (their personal success model); null when the general model alone scores.</summary>
    Task<int?> LearnedFromAsync(Guid userId, CancellationToken ct) => Task.FromResult<int?>(null);
}
