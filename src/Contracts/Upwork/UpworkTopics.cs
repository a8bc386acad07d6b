namespace Contracts.Upwork;

/// <summary>LiveUpdates topics the Upwork module publishes on.</summary>
public static class UpworkTopics
{
    /// <summary>
    /// Job postings were added or changed, or someone's sight of them did: subscribers reload through their own user's
    /// query. The payload names no job (it reaches every subscriber, whoever may see the job).
    /// </summary>
    public const string JobPostings = "upwork.job-postings";

    /// <summary>One user's proposals changed (created, edited, moved, synced from Upwork).</summary>
    public static string Proposals(Guid userId) => $"upwork.proposals:{userId:N}";

    /// <summary>A job's claim changed (claimed, released, reassigned, expired, a takeover asked): payload is the job's id.</summary>
    public const string JobClaims = "upwork.job-claims";
}
