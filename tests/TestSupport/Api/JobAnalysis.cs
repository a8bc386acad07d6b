namespace TestSupport.Api;

/// <summary>A job's analysis as <c>/api/v1/ai/analyze-job</c> answers it (the fields tests read).</summary>
public sealed record JobAnalysis(AnalysisSkills SkillsMatch);
