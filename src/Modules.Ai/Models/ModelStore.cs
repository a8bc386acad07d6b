using System.Collections.Concurrent;
using System.Text.Json;
using Modules.Ai.Data;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>A stored model as the AI page and the API list it (without its bytes).</summary>
internal sealed record ModelInfo(Guid Id, string Name, bool Personal, int Version, DateTimeOffset TrainedAt, int Rows, IReadOnlyDictionary<string, double> Metrics, bool IsActive);

/// <summary>
/// Trained models in <c>ai.models</c>: the workspace's (job classifier, salary predictor) and each user's success model.
/// A new model becomes active only when its holdout metric is no worse than the active one's
/// (<see cref="ModelPromotion.ShouldReplace"/>); every candidate is kept with its metrics. Loaded models are held in
/// memory and reloaded when this instance stores a new one, or after five minutes (another instance may have trained).
/// </summary>
internal sealed class ModelStore(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<Guid, (DateTimeOffset LoadedAt, AnalysisModels Models)> Loaded = new();
    private static readonly Guid Workspace = Guid.Empty;

    /// <summary>The workspace's active models plus the user's own success model.</summary>
    public async Task<AnalysisModels> GetAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Loaded.TryGetValue(userId, out var hit) && now - hit.LoadedAt < Freshness) return hit.Models;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Models().AsNoTracking().Where(m => m.IsActive && (m.UserId == null || m.UserId == userId)).ToListAsync(ct);
        var models = AnalysisModels.Load(rows.Select(r => new TrainedModel(r.Name, r.Version, r.TrainedAt, r.Rows,
            JsonSerializer.Deserialize<Dictionary<string, double>>(r.Metrics)!, r.Bytes)));
        Loaded[userId] = (now, models);
        return models;
    }

    public async Task<int> NextVersionAsync(string name, Guid? userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var max = await db.Models().Where(m => m.Name == name && m.UserId == userId).MaxAsync(m => (int?)m.Version, ct);
        return (max ?? 0) + 1;
    }

    /// <summary>Stores a candidate; returns whether it became the active model, and why.</summary>
    public async Task<(bool Promoted, string Reason)> SaveAsync(TrainedModel model, Guid? userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var active = await db.Models().Where(m => m.Name == model.Name && m.UserId == userId && m.IsActive).FirstOrDefaultAsync(ct);
        var current = active is null ? null : new TrainedModel(active.Name, active.Version, active.TrainedAt, active.Rows,
            JsonSerializer.Deserialize<Dictionary<string, double>>(active.Metrics)!, []);
        var promote = ModelPromotion.ShouldReplace(current, model);
        if (promote && active is not null) active.IsActive = false;
        db.Models().Add(new TrainedModelRow
        {
            Id = Guid.CreateVersion7(), Name = model.Name, UserId = userId, Version = model.Version, TrainedAt = model.TrainedAt, Rows = model.Rows,
            Metrics = JsonSerializer.Serialize(model.Metrics), Bytes = model.Bytes, IsActive = promote,
        });
        await db.SaveChangesAsync(ct);
        if (promote)
        {
            if (userId is { } u) Loaded.TryRemove(u, out _);
            else Loaded.Clear();
        }
        var (metric, higher) = ModelPromotion.PrimaryMetric(model.Name);
        var reason = ModelPromotion.WorseThanGeneral(model)
            ? $"{metric} {Fmt(model.Metrics, metric)} is below the general model's {Fmt(model.Metrics, ModelMetrics.GeneralAuc)} on the same held-out proposals; the general model stays in use"
            : current is null ? "the first model of its kind"
            : promote ? $"{metric} {Fmt(model.Metrics, metric)} is no worse than v{current.Version}'s {Fmt(current.Metrics, metric)}"
            : $"{metric} {Fmt(model.Metrics, metric)} is worse than v{current.Version}'s {Fmt(current.Metrics, metric)} ({(higher ? "higher" : "lower")} is better); kept v{current.Version}";
        return (promote, reason);
    }

    public async Task<IReadOnlyList<ModelInfo>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Models().AsNoTracking().Where(m => m.UserId == null || m.UserId == userId)
            .OrderBy(m => m.Name).ThenByDescending(m => m.Version)
            .Select(m => new { m.Id, m.Name, m.UserId, m.Version, m.TrainedAt, m.Rows, m.Metrics, m.IsActive }).ToListAsync(ct);
        return rows.Select(m => new ModelInfo(m.Id, m.Name, m.UserId is not null, m.Version, m.TrainedAt, m.Rows,
            JsonSerializer.Deserialize<Dictionary<string, double>>(m.Metrics)!, m.IsActive)).ToList();
    }

    private static string Fmt(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var v) ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "?";

    internal static void ForgetAll() => Loaded.Clear();

    internal static Guid WorkspaceKey => Workspace;
}
