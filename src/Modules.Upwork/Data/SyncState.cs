namespace Modules.Upwork.Data;

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
