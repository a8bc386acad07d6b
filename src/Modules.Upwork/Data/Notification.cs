namespace Modules.Upwork.Data;

/// <summary>
/// The user's alert queue (table <c>upwork.notifications</c>, <c>notifications:{user_id}</c> in docs/specification.md §5): what a user
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
