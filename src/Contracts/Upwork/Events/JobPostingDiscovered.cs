namespace Contracts.Upwork.Events;

/// <summary>A job posting was stored for the first time.</summary>
public sealed record JobPostingDiscovered(Guid JobPostingId, string Title, string Source, DateTimeOffset DiscoveredAt);
