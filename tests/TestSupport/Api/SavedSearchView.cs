namespace TestSupport.Api;

/// <summary>A saved search as <c>/api/v1/upwork/saved-searches</c> answers it (the fields tests read).</summary>
public sealed record SavedSearchView(Guid Id, string Name, string? Query, bool AlertsEnabled, bool Shared, bool ReadOnly, bool Following, string? SentToUpwork);
