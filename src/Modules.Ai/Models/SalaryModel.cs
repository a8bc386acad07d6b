using Contracts.Upwork;
using Microsoft.ML;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>A loaded <see cref="ModelNames.SalaryPredictor"/>: what similar jobs pay; thread-safe.</summary>
internal sealed class SalaryModel
{
    private readonly PooledPredictor<SalaryRow, SalaryPrediction> _predictor;

    private SalaryModel(PooledPredictor<SalaryRow, SalaryPrediction> predictor, int version) => (_predictor, Version) = (predictor, version);

    /// <summary>The stored version.</summary>
    public int Version { get; }

    /// <summary>Loads bytes from <see cref="TrainedModel.Bytes"/>.</summary>
    public static SalaryModel Load(byte[] bytes, int version)
    {
        var ml = new MLContext(ModelTrainer.Seed);
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out _);
        return new SalaryModel(new PooledPredictor<SalaryRow, SalaryPrediction>(ml, model), version);
    }

    /// <summary>
    /// The typical price of jobs like this one in its own unit (dollars per hour for hourly jobs, dollars for fixed
    /// ones), whatever the job itself states; null when the job type is unknown.
    /// </summary>
    public decimal? Predict(JobPostingDetails job)
    {
        if (SalaryRow.From(job) is not { } row) return null;
        row.Label = 0;
        var log = _predictor.Predict(row).Score;
        return float.IsFinite(log) ? Math.Round((decimal)Math.Exp(Math.Clamp(log, -5, 15)), 2) : null;
    }
}
