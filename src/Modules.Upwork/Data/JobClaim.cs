namespace Modules.Upwork.Data;

/// <summary>
/// A teammate's claim on a job (table <c>upwork.job_claims</c>, one row per job: the key is what makes two claims
/// produce one winner). While it holds, nobody else drafts or submits on the job (docs/features.md, "Claiming").
/// </summary>
internal sealed class JobClaim
{
    public Guid JobPostingId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the claim lapses without a draft; null once the claimer drafted (a tracked proposal), so it holds.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>A teammate who asked to take the job over, and when (cleared when the claim changes hands).</summary>
    public Guid? TakeoverRequestedBy { get; set; }
    public DateTimeOffset? TakeoverRequestedAt { get; set; }
}
