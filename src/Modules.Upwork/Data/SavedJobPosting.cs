namespace Modules.Upwork.Data;

/// <summary>
/// A job a user saved (table <c>upwork.saved_jobs</c>). When the job's Upwork content expires the job row goes, and this
/// row keeps only a reference — Upwork's job id, its URL and its title (docs/data-retention.md).
/// </summary>
internal sealed class SavedJobPosting
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
