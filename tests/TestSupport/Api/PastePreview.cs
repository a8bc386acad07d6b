namespace TestSupport.Api;

/// <summary>The fields read from a pasted Upwork job, for the user to check before saving.</summary>
public sealed record PastePreview(
    string? UpworkJobId, string Title, string? JobType, decimal? BudgetMin, decimal? BudgetMax, string? ExperienceLevel, IReadOnlyList<string> Skills);
