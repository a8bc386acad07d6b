namespace TestSupport.Api;

/// <summary>The job a review is about.</summary>
public sealed record ReviewedJob(string Title);
