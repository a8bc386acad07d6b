using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>A job skill the profile covers, how, and the profile text that shows it.</summary>
/// <param name="Skill">The skill as the job names it.</param>
/// <param name="Kind">Exact, synonym or semantic.</param>
/// <param name="Evidence">The profile skill or sentence that covers it.</param>
/// <param name="Similarity">Cosine similarity for semantic matches (0–1); 1 for exact and synonym matches.</param>
/// <param name="Reason">One line a freelancer reads.</param>
internal sealed record MatchedSkill(string Skill, SkillMatchKind Kind, string Evidence, double Similarity, string Reason);
