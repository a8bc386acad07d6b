using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The trained models an analysis may use; each is null until trained (the analyzer then uses priors).</summary>
internal sealed record AnalysisModels(JobCategoryModel? Classifier = null, SalaryModel? Salary = null, SuccessModel? Success = null)
{
    /// <summary>No models yet.</summary>
    public static AnalysisModels None { get; } = new();

    /// <summary>Version per loaded model name.</summary>
    public IReadOnlyDictionary<string, int> Versions
    {
        get
        {
            var versions = new Dictionary<string, int>();
            if (Classifier is not null) versions[ModelNames.JobClassifier] = Classifier.Version;
            if (Salary is not null) versions[ModelNames.SalaryPredictor] = Salary.Version;
            if (Success is not null) versions[ModelNames.SuccessModel] = Success.Version;
            return versions;
        }
    }

    /// <summary>Loads the newest stored model of each name; unknown names are ignored.</summary>
    public static AnalysisModels Load(IEnumerable<TrainedModel> stored)
    {
        var newest = stored.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Version)!);
        return new AnalysisModels(
            newest.TryGetValue(ModelNames.JobClassifier, out var c) ? JobCategoryModel.Load(c.Bytes, c.Version) : null,
            newest.TryGetValue(ModelNames.SalaryPredictor, out var s) ? SalaryModel.Load(s.Bytes, s.Version) : null,
            newest.TryGetValue(ModelNames.SuccessModel, out var w) ? SuccessModel.Load(w.Bytes, w.Version, w.Rows) : null);
    }
}
