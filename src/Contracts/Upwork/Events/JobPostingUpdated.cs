namespace Contracts.Upwork.Events;

/// <summary>A stored job posting changed (new content from its source, e.g. more applicants or a new budget).</summary>
public sealed record JobPostingUpdated(Guid JobPostingId, string Title, DateTimeOffset UpdatedAt);
