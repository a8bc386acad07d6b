namespace TestSupport.Api;

/// <summary>One alert in the bell.</summary>
public sealed record Alert(Guid Id, string Kind, Guid? JobPostingId, Guid? SavedSearchId, string Title, string? Detail, DateTimeOffset? ReadAt);
