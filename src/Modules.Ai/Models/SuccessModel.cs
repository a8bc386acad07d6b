using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.ML;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>A loaded <see cref="ModelNames.SuccessModel"/>: the chance a proposal wins; thread-safe.</summary>
internal sealed class SuccessModel
{
    private readonly PooledPredictor<SuccessRow, SuccessPrediction> _predictor;

    private SuccessModel(PooledPredictor<SuccessRow, SuccessPrediction> predictor, int version, int rows) => (_predictor, Version, Rows) = (predictor, version, rows);

    /// <summary>The stored version.</summary>
    public int Version { get; }

    /// <summary>How many of the user's decided proposals it was trained and measured on.</summary>
    public int Rows { get; }

    /// <summary>Loads bytes from <see cref="TrainedModel.Bytes"/>.</summary>
    public static SuccessModel Load(byte[] bytes, int version, int rows = 0)
    {
        var ml = new MLContext(ModelTrainer.Seed);
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out _);
        return new SuccessModel(new PooledPredictor<SuccessRow, SuccessPrediction>(ml, model), version, rows);
    }

    /// <summary>The probability that a proposal sent now wins, given the skills match score.</summary>
    public double Predict(JobPostingDetails job, FreelancerProfile? profile, double skillMatch, DateTimeOffset now)
    {
        var p = _predictor.Predict(SuccessRow.From(job, profile, skillMatch, now)).Probability;
        return float.IsFinite(p) ? Math.Clamp(p, 0, 1) : 0;
    }
}
