namespace Modules.Ai.Features.AnalyzeJob;

/// <summary>The salary predictor's output row.</summary>
internal sealed class SalaryPrediction
{
    /// <summary>ln(price).</summary>
    public float Score { get; set; }
}
