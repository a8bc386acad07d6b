namespace TestSupport.Api;

/// <summary>The profile read from the user's Upwork freelancer profile (the fields tests read).</summary>
public sealed record ImportedProfile(string Title, IReadOnlyList<string> Skills, decimal? HourlyRate);
