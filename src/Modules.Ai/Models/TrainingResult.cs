using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>A training run's answer: a model, or "not enough data" with the counts that fell short.</summary>
/// <param name="Model">The model, or null when there was not enough data.</param>
/// <param name="Message">One line for logs and the admin page.</param>
/// <param name="Counts">What the data held (rows, classes…), either way.</param>
internal sealed record TrainingResult(TrainedModel? Model, string Message, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>True when a model was trained.</summary>
    public bool Trained => Model is not null;
}
