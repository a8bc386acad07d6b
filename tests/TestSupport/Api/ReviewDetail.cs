namespace TestSupport.Api;

/// <summary>One review as the reviewer opens it: the letter, its score, the answers and the job.</summary>
public sealed record ReviewDetail(ReviewRow Review, ReviewedJob? Job, string Letter, decimal? QualityScore, IReadOnlyList<ReviewAnswer> ScreeningAnswers);
