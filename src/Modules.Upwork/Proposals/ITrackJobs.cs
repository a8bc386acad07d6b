namespace Modules.Upwork.Proposals;

/// <summary>
/// Puts a job on the user's proposal board as a draft (the "Track" action of the job list and of a job's page); the
/// TrackProposals slice implements it.
/// </summary>
internal interface ITrackJobs
{
    Task<TrackOutcome> TrackAsync(Guid userId, Guid jobPostingId, CancellationToken ct);
}

/// <summary>Whether the job is now tracked; <c>Blocked</c>: why the board refused it (a teammate's claim, say), else null.</summary>
internal sealed record TrackOutcome(bool Tracked, string? Blocked);
