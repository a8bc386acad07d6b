using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>How a job's skill was found in a profile.</summary>
internal enum SkillMatchKind
{
    /// <summary>The same skill is listed, spelled the same way (ignoring case, spaces and dashes).</summary>
    Exact,

    /// <summary>The same skill under another name ("ReactJS" for "React", "k8s" for "Kubernetes").</summary>
    Synonym,

    /// <summary>The profile's own words describe the skill (found by sentence embeddings).</summary>
    Semantic,
}
