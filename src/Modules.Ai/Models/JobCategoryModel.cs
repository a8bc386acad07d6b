using Contracts.Upwork;
using Microsoft.ML;
using Microsoft.ML.Data;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>A loaded <see cref="ModelNames.JobClassifier"/>: predicts a job's category; thread-safe.</summary>
internal sealed class JobCategoryModel
{
    private readonly PooledPredictor<CategoryRow, CategoryPrediction> _predictor;
    private readonly string[] _classes;

    private JobCategoryModel(PooledPredictor<CategoryRow, CategoryPrediction> predictor, int version)
    {
        _predictor = predictor;
        Version = version;
        VBuffer<ReadOnlyMemory<char>> names = default;
        predictor.OutputSchema[nameof(CategoryPrediction.Score)].GetSlotNames(ref names);
        _classes = names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>The stored version.</summary>
    public int Version { get; }

    /// <summary>The categories it knows.</summary>
    public IReadOnlyList<string> Categories => _classes;

    /// <summary>Loads bytes from <see cref="TrainedModel.Bytes"/>.</summary>
    public static JobCategoryModel Load(byte[] bytes, int version)
    {
        var ml = new MLContext(ModelTrainer.Seed);
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out _);
        return new JobCategoryModel(new PooledPredictor<CategoryRow, CategoryPrediction>(ml, model), version);
    }

    /// <summary>The most likely category and its probability.</summary>
    public (string Category, double Confidence) Predict(JobPostingDetails job)
    {
        var row = CategoryRow.From(job);
        row.Category = "";
        var prediction = _predictor.Predict(row);
        return (prediction.PredictedCategory, prediction.Score.Length == 0 ? 0 : prediction.Score.Max());
    }
}
