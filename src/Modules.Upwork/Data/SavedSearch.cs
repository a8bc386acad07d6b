namespace Modules.Upwork.Data;

/// <summary>
/// A user's saved search (table <c>upwork.saved_searches</c>). Minimal for now: what Upwork's search can filter on
/// server-side. <see cref="FilterKey"/> is the same for identical searches: each connected user's is fetched with their own token, and the jobs land in one shared row each.
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

    /// <summary>Every listed skill must be on the job (otherwise any one is enough).</summary>
    public bool RequireAllSkills { get; set; }

    /// <summary>Fixed-price budget range, in dollars.</summary>
    public decimal? BudgetMin { get; set; }
    public decimal? BudgetMax { get; set; }

    /// <summary>Hourly rate range, in dollars per hour.</summary>
    public decimal? HourlyMin { get; set; }
    public decimal? HourlyMax { get; set; }
    public List<string> Categories { get; set; } = [];
    public decimal? ClientMinSpent { get; set; }
    public int? ClientMinHires { get; set; }
    public double? ClientMinRating { get; set; }
    public List<string> CountriesInclude { get; set; } = [];
    public List<string> CountriesExclude { get; set; } = [];

    /// <summary>At most this many proposals already (competition).</summary>
    public int? MaxProposals { get; set; }

    /// <summary>Words that rule a job out (in its title or description).</summary>
    public List<string> ExcludeWords { get; set; } = [];
    public bool AlertsEnabled { get; set; } = true;

    /// <summary>Quiet hours (UTC, whole hours, may wrap midnight): channel deliveries wait until they end; the in-app bell does not.</summary>
    public int? QuietFromHour { get; set; }
    public int? QuietToHour { get; set; }
    public required string FilterKey { get; set; }

    /// <summary>Shared with the team by an admin: members see it read-only and may follow it for its alerts.</summary>
    public bool IsShared { get; set; }

    /// <summary>When the quiet hours around <paramref name="now"/> end, or null when <paramref name="now"/> is not in them.</summary>
    public DateTimeOffset? QuietUntil(DateTimeOffset now)
    {
        if (QuietFromHour is not { } from || QuietToHour is not { } to || from == to) return null;
        var hour = now.UtcDateTime.Hour;
        var inside = from < to ? hour >= from && hour < to : hour >= from || hour < to;
        if (!inside) return null;
        var end = new DateTimeOffset(now.UtcDateTime.Date.AddHours(to), TimeSpan.Zero);
        return end > now ? end : end.AddDays(1);
    }
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

/// <summary>
/// A job a user saved (table <c>upwork.saved_jobs</c>). When the job's Upwork content expires the job row goes, and this
/// row keeps only a reference — Upwork's job id, its URL and its title (docs/data-retention.md).
/// </summary>
internal sealed class SavedJob
{
    public Guid UserId { get; set; }
    public Guid JobPostingId { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The reference, copied in when the job's content expires (null until then: the job row has it).</summary>
    public string? UpworkJobId { get; set; }
    public string? JobTitle { get; set; }
    public string? JobUrl { get; set; }

    /// <summary>When the job's details were removed under Upwork's 24-hour rule.</summary>
    public DateTimeOffset? JobExpiredAt { get; set; }
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

/// <summary>
/// A job that matched a saved search (table <c>upwork.matches</c>), with when: alert latency and "which search finds
/// winners" are computed from these. Unique per search and job, so a repeated announcement cannot alert twice.
/// </summary>
internal sealed class SearchMatch
{
    public Guid Id { get; set; }
    public Guid SavedSearchId { get; set; }
    public Guid JobPostingId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset JobStoredAt { get; set; }
    public DateTimeOffset MatchedAt { get; set; }
}

/// <summary>
/// The user's alert queue (table <c>upwork.notifications</c>, the spec's <c>notifications:{user_id}</c>): what a user
/// missed while away is here when they come back.
/// </summary>
internal sealed class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary><c>new_job</c> (a saved search matched) or <c>job_updated</c>.</summary>
    public required string Kind { get; set; }
    public Guid? JobPostingId { get; set; }
    public Guid? SavedSearchId { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
