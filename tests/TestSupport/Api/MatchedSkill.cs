namespace TestSupport.Api;

/// <summary>A skill the job asks for that the profile has.</summary>
public sealed record MatchedSkill(string Skill);
