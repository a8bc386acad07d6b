using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The specification's model names (docs/specification.md §6), as stored with each trained model.</summary>
internal static class ModelNames
{
    /// <summary>Category from title, description and skills (multiclass).</summary>
    public const string JobClassifier = "job_classifier";

    /// <summary>Hourly rate or fixed price a job pays (regression).</summary>
    public const string SalaryPredictor = "salary_predictor";

    /// <summary>Whether a proposal wins (binary).</summary>
    public const string SuccessModel = "success_model";

    /// <summary>The hand-written rules of the job analyzer; their version goes up when they change meaning.</summary>
    public const string Rules = "job_analysis_rules";
}
