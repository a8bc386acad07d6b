namespace Contracts.Upwork.Events;

/// <summary>
/// Upwork content of these jobs passed the 24-hour retention window (docs/upwork-api.md §3, first row) and the Upwork module
/// has removed its own copies (the job rows). Modules holding derived copies — AI prompts, letters quoting the title,
/// analytics — remove theirs now. Published after the purge commits; a lost event is caught by each module's own sweep.
/// </summary>
/// <param name="Jobs">The expired jobs.</param>
/// <param name="Cutoff">Content stored before this moment is past the window.</param>
public sealed record UpworkContentExpired(IReadOnlyList<ExpiredJobPosting> Jobs, DateTimeOffset Cutoff);

/// <summary>One expired job: its id here, and its title and description so what a user's letters quote of it can be found and removed.</summary>
public sealed record ExpiredJobPosting(Guid JobPostingId, string Title, string? Description = null);
