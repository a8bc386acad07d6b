namespace Modules.Ai.Data;

/// <summary>A trained ML.NET model (table <c>ai.models</c>): version, holdout metrics and the model itself.</summary>
internal sealed class TrainedModelRow
{
    public Guid Id { get; set; }

    /// <summary><c>job_classifier</c>, <c>salary_predictor</c>, <c>success_model</c>…</summary>
    public required string Name { get; set; }

    /// <summary>Whose outcomes it learned from; null for workspace-wide models.</summary>
    public Guid? UserId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public int Rows { get; set; }

    /// <summary>Holdout metrics as JSON (MAE, AUC, accuracy…).</summary>
    public required string Metrics { get; set; }
    public required byte[] Bytes { get; set; }

    /// <summary>The one in use; a new model replaces it only when its holdout metric is no worse.</summary>
    public bool IsActive { get; set; }
}
