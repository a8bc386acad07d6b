using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>How well a profile covers a job's skills.</summary>
/// <param name="Score">0–1: exact and synonym matches count fully, semantic ones <see cref="SkillMatcher.SemanticWeight"/>.</param>
/// <param name="Matched">The job's skills the profile covers, each with how.</param>
/// <param name="Missing">The job's skills the profile does not show.</param>
/// <param name="Reason">One line a freelancer reads.</param>
/// <param name="HasProfile">False when no profile was chosen; the score is then 0 and means nothing.</param>
internal sealed record SkillsMatch(
    double Score, IReadOnlyList<MatchedSkill> Matched, IReadOnlyList<string> Missing, string Reason, bool HasProfile = true)
{
    /// <summary>The answer when no profile is chosen.</summary>
    public static SkillsMatch NoProfile(IReadOnlyList<string> jobSkills) =>
        new(0, [], jobSkills, "Choose a profile to see how your skills match this job.", HasProfile: false);
}
