using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The salary predictor's output row.</summary>
internal sealed class SalaryPrediction
{
    /// <summary>ln(price).</summary>
    public float Score { get; set; }
}
