using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>How big and involved the project is.</summary>
internal enum ComplexityLevel
{
    /// <summary>A small, well-bounded task.</summary>
    Low,

    /// <summary>A typical project with a few parts.</summary>
    Medium,

    /// <summary>A large or many-sided project.</summary>
    High,
}
