namespace TestSupport.Api;

/// <summary>One finding of "What wins": a bucket that does better or worse than the rest, in a sentence.</summary>
public sealed record WinsFinding(string Attribute, string Bucket, string Sentence);
