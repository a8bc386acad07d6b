using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>Metric keys in <see cref="TrainedModel.Metrics"/>; all measured on the holdout rows.</summary>
internal static class ModelMetrics
{
    /// <summary>Classifier: mean of per-class accuracies (0–1, higher is better).</summary>
    public const string MacroAccuracy = "macro_accuracy";

    /// <summary>Classifier: share of rows right (0–1).</summary>
    public const string MicroAccuracy = "micro_accuracy";

    /// <summary>Classifier: log-loss (lower is better).</summary>
    public const string LogLoss = "log_loss";

    /// <summary>Salary: mean absolute error in dollars (lower is better).</summary>
    public const string MeanAbsoluteError = "mae";

    /// <summary>Salary: the MAE of always predicting the training mean for the job type; what the model must beat.</summary>
    public const string BaselineMeanAbsoluteError = "baseline_mae";

    /// <summary>Salary: MAE on hourly jobs only, in dollars per hour.</summary>
    public const string MeanAbsoluteErrorHourly = "mae_hourly";

    /// <summary>Salary: MAE on fixed-price jobs only, in dollars.</summary>
    public const string MeanAbsoluteErrorFixed = "mae_fixed";

    /// <summary>Salary: coefficient of determination in dollars (1 is perfect, 0 is the mean).</summary>
    public const string RSquared = "r_squared";

    /// <summary>Success: area under the ROC curve (0.5 is chance).</summary>
    public const string Auc = "auc";

    /// <summary>Success: share of holdout outcomes predicted right at 0.5.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Success: mean squared error of the predicted probabilities (0 is perfect; lower is better).</summary>
    public const string Brier = "brier";

    /// <summary>Success: the mean predicted win probability on the holdout (calibration: compare with <see cref="ObservedRate"/>).</summary>
    public const string MeanPredicted = "mean_predicted";

    /// <summary>Success: the share of holdout proposals actually won.</summary>
    public const string ObservedRate = "observed_rate";

    /// <summary>Success: the general model's (the analyzer's priors') AUC on the same holdout; a personal model below it is not used.</summary>
    public const string GeneralAuc = "general_auc";

    /// <summary>Success: the general model's Brier score on the same holdout.</summary>
    public const string GeneralBrier = "general_brier";

    /// <summary>Rows trained on.</summary>
    public const string TrainRows = "train_rows";

    /// <summary>Rows held out for the metrics.</summary>
    public const string HoldoutRows = "holdout_rows";
}
