namespace Modules.Analytics.Statistics;

/// <summary>Plain shares as the dashboard shows them.</summary>
internal static class Ratios
{
    /// <summary><paramref name="part"/> of <paramref name="whole"/> to four places (0.1234 is 12.34 %), null when there is nothing to divide by.</summary>
    public static decimal? Rate(int part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4);
}
