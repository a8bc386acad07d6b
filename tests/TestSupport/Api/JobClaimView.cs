namespace TestSupport.Api;

/// <summary>A job's claim as one user sees it: who holds it, and who asked to take it over.</summary>
public sealed record JobClaimView(Guid JobPostingId, Guid UserId, string ClaimedBy, bool Mine, Guid? TakeoverRequestedBy);
