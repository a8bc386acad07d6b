using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>
/// A deterministic, stratified train/holdout split: each stratum (category, job type, won/lost) is shuffled with a
/// fixed seed and gives a share of its rows to the holdout — at least one when it has two or more, none when it has
/// one. ML.NET's TrainTestSplit does not stratify, and on small data a holdout without a class breaks AUC.
/// </summary>
internal static class HoldoutSplit
{
    /// <summary>Splits rows; the same rows in the same order always split the same way.</summary>
    public static (List<T> Train, List<T> Holdout) Split<T>(IReadOnlyList<T> rows, Func<T, string> stratum, double fraction, int seed)
    {
        var random = new Random(seed);
        var train = new List<T>();
        var holdout = new List<T>();
        foreach (var group in rows.GroupBy(stratum).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = group.ToArray();
            random.Shuffle(items);
            var take = items.Length < 2 ? 0 : Math.Clamp((int)Math.Round(items.Length * fraction), 1, items.Length - 1);
            holdout.AddRange(items.Take(take));
            train.AddRange(items.Skip(take));
        }
        return (train, holdout);
    }
}
