namespace Modules.Upwork.Data;

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
