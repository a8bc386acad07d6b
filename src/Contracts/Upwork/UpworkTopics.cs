namespace Contracts.Upwork;

/// <summary>LiveUpdates topics the Upwork module publishes on.</summary>
public static class UpworkTopics
{
    /// <summary>Job postings were added or changed; payload: <see cref="JobPostingSummary"/>.</summary>
    public const string JobPostings = "upwork.job-postings";

    /// <summary>One user's proposals changed (created, edited, moved, synced from Upwork).</summary>
    public static string Proposals(Guid userId) => $"upwork.proposals:{userId:N}";
}
