using Contracts.Upwork;

namespace TestSupport.Api;

/// <summary>A page of <c>/api/v1/upwork/jobs</c>: the jobs (the public <see cref="JobPostingSummary"/>), the count and the next page's cursor.</summary>
public sealed record JobPage(IReadOnlyList<JobPostingSummary> Items, int Total, string? NextCursor, bool TotalCapped);
