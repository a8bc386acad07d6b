namespace Contracts.Upwork.Events;

/// <summary>One user's proposals changed: created, edited, moved, deleted, submitted or synced from Upwork.</summary>
public sealed record ProposalsChanged(Guid UserId, DateTimeOffset At);
