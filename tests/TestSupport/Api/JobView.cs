using Contracts.Upwork;

namespace TestSupport.Api;

/// <summary>One job as <c>/api/v1/upwork/jobs/{id}</c> answers it (the fields tests read).</summary>
public sealed record JobView(JobPostingSummary Summary);
