namespace TestSupport.Api;

/// <summary>The skills the job asks for that the profile has, the ones it lacks, and why.</summary>
public sealed record AnalysisSkills(IReadOnlyList<MatchedSkill> Matched, IReadOnlyList<string> Missing, string Reason);
