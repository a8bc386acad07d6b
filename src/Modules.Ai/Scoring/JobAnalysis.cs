using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>
/// The job analysis the specification's analysis template asks for (docs/specification.md §6), computed offline from the posting, the profile and the trained
/// models. Every item carries a one-line reason in plain English.
/// </summary>
/// <param name="JobPostingId">The job analysed.</param>
/// <param name="ProfileId">The profile it was analysed for, or null.</param>
/// <param name="Difficulty">1–10: how hard the work is for this freelancer (level asked for, technical depth, skill gaps).</param>
/// <param name="Competition">1–10: how crowded the job is.</param>
/// <param name="BudgetAdequacy">1–10: how well the budget pays for the work, for this freelancer's rate.</param>
/// <param name="SkillsMatch">Which of the job's skills the profile covers, and how.</param>
/// <param name="Complexity">Project size and scope.</param>
/// <param name="ClientReliability">How trustworthy the client looks.</param>
/// <param name="RecommendedBid">The range to bid in.</param>
/// <param name="SuccessProbability">The chance a proposal wins the job.</param>
/// <param name="FitScore">0–100, the one number jobs are ranked by (<see cref="JobAnalyzer.Fit"/> documents the formula).</param>
/// <param name="PredictedCategory">The likely category when the job has none; otherwise null.</param>
/// <param name="ModelVersions">What produced the analysis: rules version, and each trained model's version that was used.</param>
/// <param name="AnalyzedAt">When.</param>
internal sealed record JobAnalysis(
    Guid JobPostingId,
    Guid? ProfileId,
    Scored Difficulty,
    Scored Competition,
    Scored BudgetAdequacy,
    SkillsMatch SkillsMatch,
    Complexity Complexity,
    ClientReliability ClientReliability,
    RecommendedBid RecommendedBid,
    Likelihood SuccessProbability,
    Scored FitScore,
    CategoryGuess? PredictedCategory,
    IReadOnlyDictionary<string, int> ModelVersions,
    DateTimeOffset AnalyzedAt);
