namespace Modules.Ai.Models;

/// <summary>Holdout measures of probabilities against outcomes, for models judged outside ML.NET's evaluator.</summary>
internal static class Calibration
{
    /// <summary>Mean squared difference between each probability and its outcome (1 won, 0 lost).</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> won) =>
        predicted.Count == 0 ? double.NaN : predicted.Select((p, i) => (p - (won[i] ? 1 : 0)) * (p - (won[i] ? 1 : 0))).Average();

    /// <summary>
    /// Area under the ROC curve as the Mann–Whitney statistic: the chance a random won proposal scores above a random lost
    /// one, ties counting half; NaN without both classes.
    /// </summary>
    public static double Auc(IReadOnlyList<double> predicted, IReadOnlyList<bool> won)
    {
        var wins = predicted.Where((_, i) => won[i]).ToList();
        var losses = predicted.Where((_, i) => !won[i]).ToList();
        if (wins.Count == 0 || losses.Count == 0) return double.NaN;
        var score = 0.0;
        foreach (var w in wins)
            foreach (var l in losses)
                score += w > l ? 1 : w == l ? 0.5 : 0;
        return score / (wins.Count * (double)losses.Count);
    }
}
