using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>A job in a ranked list: its analysis, and the few reasons that place it there.</summary>
internal sealed record RankedJobPosting(JobPostingDetails Job, JobAnalysis Analysis, IReadOnlyList<string> TopReasons)
{
    /// <summary>The ranking key, 0–100.</summary>
    public int FitScore => Analysis.FitScore.Value;
}
