namespace Modules.Upwork.Connections;

/// <summary>The Upwork page's view; <c>SharedWithMe</c>: connections an admin shared with this user (they see the jobs those fetch).</summary>
internal sealed record ConnectionView(
    bool Configured, bool Connected, AccountView? Account, IReadOnlyList<SearchView> Searches, bool DemoFeedActive, TimeSpan PollInterval,
    IReadOnlyList<ShareView>? SharedWithMe = null);

internal sealed record AccountView(
    string UpworkUserId, string? Nid, string? Name, string? Email, string? OrganizationId, string? OrganizationName, string TokenHealth,
    DateTimeOffset AccessTokenExpiresAt, DateTimeOffset? RefreshTokenExpiresAt, DateTimeOffset ConnectedAt, DateTimeOffset? RefreshedAt,
    DateTimeOffset? LastSyncAt, string? LastError, bool AlertsEnabled);

internal sealed record SearchView(
    Guid Id, string Name, string? Query, IReadOnlyList<string> Skills, string? JobType, string? ExperienceLevel, bool PaymentVerifiedOnly, bool AlertsEnabled,
    DateTimeOffset? LastRunAt, DateTimeOffset? LastSuccessAt, string? LastError, DateTimeOffset? NextRunAt, int? LastNewJobs,
    int? QuietFromHour = null, int? QuietToHour = null, bool HideRedFlagged = false);

/// <summary>A share as the Upwork page lists it: the other user and since when.</summary>
internal sealed record ShareView(Guid UserId, string Name, DateTimeOffset SharedAt);
