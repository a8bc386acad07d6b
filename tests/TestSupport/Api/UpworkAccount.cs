namespace TestSupport.Api;

/// <summary>The connected Upwork account: its token's health and the last sync error.</summary>
public sealed record UpworkAccount(string UpworkUserId, string? Nid, string? OrganizationId, string TokenHealth, DateTimeOffset? LastSyncAt, string? LastError, bool AlertsEnabled);
