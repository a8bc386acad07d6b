using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The job classifier's output row.</summary>
internal sealed class CategoryPrediction
{
    /// <summary>The most likely category.</summary>
    public string PredictedCategory { get; set; } = "";

    /// <summary>Probability per category, in the order of the model's classes.</summary>
    public float[] Score { get; set; } = [];
}
