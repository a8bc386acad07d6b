using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>
/// Whether a newly trained model should replace the one in use. The candidate wins when its holdout metric is no
/// worse: <see cref="ModelMetrics.MacroAccuracy"/> higher or equal for the classifier, <see cref="ModelMetrics.MeanAbsoluteError"/>
/// lower or equal for the salary predictor, <see cref="ModelMetrics.Auc"/> higher or equal for the success model
/// (ties go to the candidate: it has seen newer data). A candidate without its metric never wins; a current model
/// without it always loses.
/// Caveat: the two metrics come from different holdouts (each run holds out part of the data it had), so this compares
/// like with like only roughly; it guards against a clearly worse model, not a marginally worse one.
/// </summary>
internal static class ModelPromotion
{
    /// <summary>True when <paramref name="candidate"/> should be used instead of <paramref name="current"/> (null = none in use).</summary>
    public static bool ShouldReplace(TrainedModel? current, TrainedModel candidate)
    {
        if (current is not null && current.Name != candidate.Name)
            throw new ArgumentException($"Cannot compare {candidate.Name} with {current.Name}.", nameof(candidate));
        var (metric, higherIsBetter) = PrimaryMetric(candidate.Name);
        if (!candidate.Metrics.TryGetValue(metric, out var next) || !double.IsFinite(next)) return false;
        if (WorseThanGeneral(candidate)) return false;
        if (current is null || !current.Metrics.TryGetValue(metric, out var now) || !double.IsFinite(now)) return true;
        return higherIsBetter ? next >= now : next <= now;
    }

    /// <summary>
    /// A personal success model whose holdout AUC is below the general model's on the same held-out proposals
    /// (<see cref="ModelMetrics.GeneralAuc"/>): it is kept with its metrics but never used, so the general model stays.
    /// </summary>
    public static bool WorseThanGeneral(TrainedModel candidate) =>
        candidate.Name == ModelNames.SuccessModel
        && candidate.Metrics.TryGetValue(ModelMetrics.Auc, out var auc) && candidate.Metrics.TryGetValue(ModelMetrics.GeneralAuc, out var general)
        && double.IsFinite(general) && (!double.IsFinite(auc) || auc < general);

    /// <summary>The metric a model is judged by, and its direction.</summary>
    public static (string Metric, bool HigherIsBetter) PrimaryMetric(string modelName) => modelName switch
    {
        ModelNames.JobClassifier => (ModelMetrics.MacroAccuracy, true),
        ModelNames.SalaryPredictor => (ModelMetrics.MeanAbsoluteError, false),
        ModelNames.SuccessModel => (ModelMetrics.Auc, true),
        _ => throw new ArgumentOutOfRangeException(nameof(modelName), modelName, "Unknown model."),
    };
}
