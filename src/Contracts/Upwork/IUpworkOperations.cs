namespace Contracts.Upwork;

/// <summary>The Upwork module's background work as the admin System page shows it (docs/features.md, "System").</summary>
public interface IUpworkOperations
{
    /// <summary>The alert-channel outbox and the last sync of up to <paramref name="maxSearches"/> saved searches (latest runs first).</summary>
    Task<UpworkOperationsSnapshot> SnapshotAsync(int maxSearches, CancellationToken ct);
}

/// <summary>
/// <paramref name="PendingDeliveries"/>: alert-channel deliveries not yet delivered; <paramref name="RetryingDeliveries"/>:
/// those of them that failed at least once; <paramref name="OldestPendingAt"/>: the earliest next attempt among them.
/// </summary>
public sealed record UpworkOperationsSnapshot(int PendingDeliveries, int RetryingDeliveries, DateTimeOffset? OldestPendingAt,
    int SavedSearches, IReadOnlyList<SearchSyncStatus> Searches);

/// <summary>One saved search's polling state (from <c>upwork.sync_states</c>); times are null before its first sync.</summary>
public sealed record SearchSyncStatus(Guid SearchId, string Name, Guid OwnerId, DateTimeOffset? LastRunAt, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? NextRunAt, string? LastError, int ConsecutiveFailures);
