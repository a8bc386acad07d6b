namespace Contracts.Upwork.Events;

/// <summary>
/// One user's proposals changed: created, edited, moved, deleted, submitted or synced from Upwork. <paramref name="ProposalIds"/>
/// names the proposals that changed (null: any of the user's may have).
/// </summary>
public sealed record ProposalsChanged(Guid UserId, DateTimeOffset At, IReadOnlyList<Guid>? ProposalIds = null);
