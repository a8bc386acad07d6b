namespace Modules.Upwork.Data;

/// <summary>
/// An admin shares their Upwork connection with a teammate (table <c>upwork.connection_shares</c>): an agency account
/// used by its bidders. The member sees every job that connection fetched while the share exists; revoking deletes the
/// row. Both are audited.
/// </summary>
internal sealed class ConnectionShare
{
    /// <summary>The user whose connection is shared (the admin who shared it).</summary>
    public Guid OwnerUserId { get; set; }
    public Guid MemberUserId { get; set; }
    public DateTimeOffset SharedAt { get; set; }
}
