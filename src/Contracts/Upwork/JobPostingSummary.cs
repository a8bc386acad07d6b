namespace Contracts.Upwork;

/// <summary>A job posting as other modules see it.</summary>
public sealed record JobPostingSummary(
    Guid Id,
    string UpworkJobId,
    string Title,
    string? JobType,
    decimal? BudgetMin,
    decimal? BudgetMax,
    IReadOnlyList<string> Skills,
    DateTimeOffset CreatedAt,
    string Source = "upwork",
    bool IsDemo = false);
