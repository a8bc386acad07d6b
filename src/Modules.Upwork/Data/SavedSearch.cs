namespace Modules.Upwork.Data;

/// <summary>
/// A user's saved search (table <c>upwork.saved_searches</c>). Minimal for now: what Upwork's search can filter on
/// server-side. <see cref="FilterKey"/> is the same for identical searches, so they are fetched from Upwork once.
/// </summary>
internal sealed class SavedSearch
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public string? Query { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? JobType { get; set; }
    public string? ExperienceLevel { get; set; }
    public bool PaymentVerifiedOnly { get; set; }
    public bool AlertsEnabled { get; set; } = true;
    public required string FilterKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Progress of one Upwork search (table <c>upwork.sync_states</c>, keyed by filter key): the high-water mark is written
/// only after the jobs it covers are committed, so a crash re-reads (and de-duplicates) rather than skips.
/// </summary>
internal sealed class SyncState
{
    public required string Key { get; set; }
    public DateTimeOffset? HighWaterPostedAt { get; set; }

    /// <summary>Comma-separated ids published exactly at <see cref="HighWaterPostedAt"/> (ties).</summary>
    public string? HighWaterIds { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? NextRunAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    public int LastNewJobs { get; set; }
}

/// <summary>A job a user saved (table <c>upwork.saved_jobs</c>): kept beyond the retention window.</summary>
internal sealed class SavedJob
{
    public Guid UserId { get; set; }
    public Guid JobPostingId { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>An inbound webhook source (table <c>upwork.webhook_sources</c>) with its sealed signing secret.</summary>
internal sealed class WebhookSource
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastReceivedAt { get; set; }
    public int ReceivedCount { get; set; }

    public static string Purpose(Guid id) => $"upwork-webhook:{id:N}";
}

/// <summary>An accepted webhook event (table <c>upwork.webhook_receipts</c>): a second delivery of the same id is refused.</summary>
internal sealed class WebhookReceipt
{
    public Guid SourceId { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
