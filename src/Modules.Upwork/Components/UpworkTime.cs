using System.Globalization;

namespace Modules.Upwork.Components;

/// <summary>How the Upwork pages write a moment: one format for every panel.</summary>
internal static class UpworkTime
{
    public static string When(DateTimeOffset t) => t.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"expires 3 days" / "expired 1 Dec 10:00 UTC": <paramref name="future"/> or <paramref name="past"/> with the distance from <paramref name="now"/>.</summary>
    public static string Relative(DateTimeOffset t, DateTimeOffset now, string future, string past)
    {
        var d = t - now;
        if (d < TimeSpan.Zero) return $"{past} {When(t)}";
        return d.TotalHours >= 48 ? $"{future} {(int)d.TotalDays} days" : d.TotalMinutes >= 90 ? $"{future} {(int)d.TotalHours} h" : $"{future} {(int)d.TotalMinutes} min";
    }
}
