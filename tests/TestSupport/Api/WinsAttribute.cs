namespace TestSupport.Api;

/// <summary>One attribute of "What wins" (payment verified, budget band…) and its buckets.</summary>
public sealed record WinsAttribute(string Key, string Label, IReadOnlyList<WinsBucket> Buckets);
