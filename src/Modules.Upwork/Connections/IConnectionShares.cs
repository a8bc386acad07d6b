namespace Modules.Upwork.Connections;

/// <summary>
/// What the rest of the module needs from sharing a connection (the Upwork page's view, disconnecting); the
/// ShareConnection slice implements it.
/// </summary>
internal interface IConnectionShares
{
    /// <summary>The connections shared with <paramref name="memberUserId"/>, by whose they are.</summary>
    Task<IReadOnlyList<ShareView>> SharedWithAsync(Guid memberUserId, CancellationToken ct);

    /// <summary>Revokes every share of <paramref name="ownerUserId"/>'s connection (when it is disconnected), each audited.</summary>
    Task RevokeAllAsync(Guid ownerUserId, CancellationToken ct);
}
