namespace TestSupport.Api;

/// <summary>What <c>/api/v1/upwork/jobs/{id}/claim</c> answers: the job's claim, or null when nobody holds it.</summary>
public sealed record JobClaimState(JobClaimView? Claim);
