namespace Modules.Upwork.Data;

/// <summary>A member following a search the admin shared (table <c>upwork.saved_search_follows</c>): they get its alerts too.</summary>
internal sealed class SavedSearchFollow
{
    public Guid SavedSearchId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}
