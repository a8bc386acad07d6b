namespace Modules.Analytics.Statistics;

/// <summary>A rate with its 95% interval: <see cref="Low"/> ≤ <see cref="Rate"/> ≤ <see cref="High"/>, all 0–1.</summary>
internal sealed record RateInterval(int Count, int Of, double Rate, double Low, double High);

/// <summary>A difference of two rates (first minus second) with its 95% interval and a two-sided p-value.</summary>
internal sealed record RateDifference(double Difference, double Low, double High, double PValue);

/// <summary>
/// Intervals and tests for proportions (docs/features.md, "What wins for you"): the Wilson score interval for one rate,
/// Newcombe's hybrid score interval (his method 10, built from two Wilson intervals) for a difference of two independent
/// rates, the pooled two-proportion z-test for its p-value, and the Benjamini–Hochberg step-up procedure for deciding which
/// of many such tests to believe. Pure and deterministic.
/// </summary>
internal static class Proportions
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The Wilson score interval of <paramref name="count"/> out of <paramref name="of"/> (0–1; [0, 1] when <paramref name="of"/> is 0).</summary>
    public static RateInterval Wilson(int count, int of, double z = Z95)
    {
        if (of <= 0) return new RateInterval(0, 0, 0, 0, 1);
        var n = (double)of;
        var p = count / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new RateInterval(count, of, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// <paramref name="x1"/>/<paramref name="n1"/> minus <paramref name="x2"/>/<paramref name="n2"/>: Newcombe's hybrid score
    /// interval and the pooled z-test's two-sided p-value (1 when neither group has any variation to test).
    /// </summary>
    public static RateDifference Difference(int x1, int n1, int x2, int n2)
    {
        var a = Wilson(x1, n1);
        var b = Wilson(x2, n2);
        var d = a.Rate - b.Rate;
        var low = d - Math.Sqrt(Square(a.Rate - a.Low) + Square(b.High - b.Rate));
        var high = d + Math.Sqrt(Square(a.High - a.Rate) + Square(b.Rate - b.Low));
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        var pValue = se <= 0 ? 1 : 2 * (1 - NormalCdf(Math.Abs(d) / se));
        return new RateDifference(d, Math.Max(-1, low), Math.Min(1, high), Math.Clamp(pValue, 0, 1));
    }

    /// <summary>
    /// Benjamini–Hochberg at false-discovery rate <paramref name="q"/>: which of <paramref name="pValues"/> to call discoveries,
    /// so that on average at most a share q of the claims made are chance (and with no real effect at all, the chance of
    /// claiming anything is at most q).
    /// </summary>
    public static bool[] Discoveries(IReadOnlyList<double> pValues, double q = 0.05)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var cut = 0;
        for (var k = 1; k <= m; k++)
            if (pValues[order[k - 1]] <= q * k / m) cut = k;
        var result = new bool[m];
        for (var k = 0; k < cut; k++) result[order[k]] = true;
        return result;
    }

    /// <summary>The standard normal distribution function (Abramowitz and Stegun 7.1.26 for erf; error under 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var t = x / Math.Sqrt(2);
        var sign = t < 0 ? -1 : 1;
        t = Math.Abs(t);
        var u = 1 / (1 + 0.3275911 * t);
        var erf = 1 - ((((1.061405429 * u - 1.453152027) * u + 1.421413741) * u - 0.284496736) * u + 0.254829592) * u * Math.Exp(-t * t);
        return 0.5 * (1 + sign * erf);
    }

    private static double Square(double x) => x * x;
}
