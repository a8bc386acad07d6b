namespace Contracts.Upwork;

/// <summary>
/// A job posting as other modules see it; <see cref="FitScore"/> is set only when the list was sorted by fit, and
/// <see cref="FitLearnedFrom"/> then says how many of the user's own proposals their personal success model learned from
/// (null: the general model alone).
/// </summary>
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
    int? FitScore = null,
    int? FitLearnedFrom = null);
