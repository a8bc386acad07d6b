namespace TestSupport.Api;

/// <summary>A job as the smart filter ranks it: its fit score and the top reasons.</summary>
public sealed record FitRanking(Guid JobPostingId, string Title, int FitScore, IReadOnlyList<string> Reasons);
