namespace Modules.Upwork.Alerts;

/// <summary>The alert as pushed to pages and hub clients.</summary>
internal sealed record AlertMessage(
    Guid Id, string Kind, Guid JobPostingId, string Title, string? Detail, string? JobType, decimal? BudgetMin, decimal? BudgetMax, bool IsDemo, DateTimeOffset CreatedAt);

internal static class AlertKinds
{
    public const string NewJob = "new_job";
    public const string JobUpdated = "job_updated";
}

/// <summary>Per-user LiveUpdates topics for alerts.</summary>
internal static class AlertTopics
{
    /// <summary>The topic one user's open pages listen on.</summary>
    public static string ForUser(Guid userId) => $"upwork.alerts:{userId:N}";
}
