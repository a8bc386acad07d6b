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
