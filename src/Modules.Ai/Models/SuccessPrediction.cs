using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The success model's output row.</summary>
internal sealed class SuccessPrediction
{
    /// <summary>Calibrated probability that the proposal wins.</summary>
    public float Probability { get; set; }
}
