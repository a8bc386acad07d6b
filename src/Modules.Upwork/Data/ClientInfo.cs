namespace Modules.Upwork.Data;

/// <summary>The client panel of a job posting.</summary>
internal sealed record ClientInfo(
    int? TotalHires, int? TotalPostedJobs, int? TotalReviews, double? Rating, decimal? TotalSpent,
    bool? PaymentVerified, string? Country, string? City, string? Timezone);
