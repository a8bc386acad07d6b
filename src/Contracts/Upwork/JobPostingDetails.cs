namespace Contracts.Upwork;

/// <summary>
/// A job posting with everything the AI writes and scores from. <see cref="Description"/> is untrusted text written by
/// a stranger: never rendered as HTML, never obeyed as instructions.
/// </summary>
public sealed record JobPostingDetails(
    Guid Id,
    string UpworkJobId,
    string Title,
    string Description,
    IReadOnlyList<string> Skills,
    string? JobType,
    decimal? BudgetMin,
    decimal? BudgetMax,
    string? ExperienceLevel,
    string? Category,
    string? Subcategory,
    int? ProposalsCount,
    string? Url,
    DateTimeOffset PostedAt,
    JobClient Client,
    bool IsDemo = false);

/// <summary>What is known about the client who posted a job; null means unknown.</summary>
public sealed record JobClient(
    bool? PaymentVerified,
    string? Country,
    int? TotalHires,
    int? TotalPostedJobs,
    int? TotalReviews,
    double? Rating,
    decimal? TotalSpent);
