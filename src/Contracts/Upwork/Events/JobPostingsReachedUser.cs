namespace Contracts.Upwork.Events;

/// <summary>
/// Jobs became visible to a user who could not see them before: their own Upwork connection fetched them, they pasted
/// them, or a webhook of theirs delivered them (new rows and rows already stored for others alike). Upwork content
/// reaches a user only this way (or through a demo job, or a connection an admin shared with them).
/// </summary>
public sealed record JobPostingsReachedUser(Guid UserId, IReadOnlyList<Guid> JobPostingIds, DateTimeOffset At);
