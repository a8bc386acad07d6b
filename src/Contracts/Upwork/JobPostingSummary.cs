namespace Contracts.Upwork;

/// <summary>A job posting as other modules see it; <see cref="FitScore"/> is set only when the list was sorted by fit.</summary>
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
    bool IsDemo = false,
    int? FitScore = null);
