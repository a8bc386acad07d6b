using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>
/// A trained model ready to store: what it is, how it did on held-out rows, and its bytes (ML.NET's zip format,
/// from <c>MLContext.Model.Save</c>). Load the bytes with <see cref="JobCategoryModel.Load"/>,
/// <see cref="SalaryModel.Load"/> or <see cref="SuccessModel.Load"/> according to <see cref="Name"/>.
/// </summary>
/// <param name="Name">One of <see cref="ModelNames"/>.</param>
/// <param name="Version">Given by the caller, increasing per name.</param>
/// <param name="TrainedAt">When training finished.</param>
/// <param name="Rows">Rows used (training plus holdout).</param>
/// <param name="Metrics">Holdout metrics (see <see cref="ModelMetrics"/> for the keys) and row counts.</param>
/// <param name="Bytes">The serialised model.</param>
internal sealed record TrainedModel(
    string Name, int Version, DateTimeOffset TrainedAt, int Rows, IReadOnlyDictionary<string, double> Metrics, byte[] Bytes);
