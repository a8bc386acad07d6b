namespace Modules.Upwork.Data;

/// <summary>
/// One user's right to see one Upwork job (table <c>upwork.job_access</c>): their own connection fetched it, or they
/// pasted it or a webhook of theirs delivered it. A job from the API reaches a user only through a row here for them (or
/// for a connection shared with them, <see cref="ConnectionShare"/>); demo jobs and a user's own pasted or webhook jobs
/// (<see cref="JobPosting.OwnerUserId"/>) need none. Deleted with the job.
/// </summary>
internal sealed class JobAccess
{
    public Guid JobPostingId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>How the user got it: see <see cref="JobAccessVia"/>. Only <c>fetch</c> rows reach a connection's teammates.</summary>
    public required string Via { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>Values of <see cref="JobAccess.Via"/>.</summary>
internal static class JobAccessVia
{
    /// <summary>Fetched from the Upwork API with the user's own token.</summary>
    public const string Fetch = "fetch";
    public const string Paste = "paste";
    public const string Webhook = "webhook";
}

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
