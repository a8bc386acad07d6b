namespace TestSupport.Api;

/// <summary>A saved search as the Upwork page shows it: when it last ran and how.</summary>
public sealed record ConnectionSearch(Guid Id, string Name, string? LastError, DateTimeOffset? LastSuccessAt, DateTimeOffset? NextRunAt, int? LastNewJobs);
