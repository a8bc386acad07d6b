using System.Globalization;

namespace Shared.Ui;

/// <summary>
/// Times the way people read them: "just now", "4 min ago", "3 h ago" within a day, the local date beyond ("5 Dec" this
/// year, "5 Dec 2025" before), and the exact local time for a tooltip. One formatter for every page (issue 25).
/// </summary>
public static class HumanTime
{
    /// <summary>The short text for <paramref name="at"/>, seen at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var ago = now - at;
        if (ago < TimeSpan.Zero)
        {
            // A time ahead (a follow-up date, an expiry): the same steps, forwards.
            var ahead = -ago;
            if (ahead < TimeSpan.FromMinutes(1)) return "in a moment";
            if (ahead < TimeSpan.FromHours(1)) return $"in {(int)ahead.TotalMinutes} min";
            if (ahead < TimeSpan.FromDays(1)) return $"in {(int)ahead.TotalHours} h";
            return Date(at, now, zone);
        }
        if (ago < TimeSpan.FromMinutes(1)) return "just now";
        if (ago < TimeSpan.FromHours(1)) return $"{(int)ago.TotalMinutes} min ago";
        if (ago < TimeSpan.FromDays(1)) return $"{(int)ago.TotalHours} h ago";
        return Date(at, now, zone);
    }

    /// <summary>The local date: "5 Dec" in the current year, "5 Dec 2025" otherwise.</summary>
    public static string Date(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        return local.ToString(local.Year == localNow.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>The exact local time with its offset, for the title attribute: "7 Dec 2026, 05:39 (UTC+01:00)".</summary>
    public static string Exact(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" (UTC{sign}{offset.Duration():hh\\:mm})";
    }

    /// <summary>
    /// The zone the browser reported: its IANA name when this machine knows it (daylight saving then follows the date
    /// shown), else a fixed zone at the reported offset, else UTC.
    /// </summary>
    public static TimeZoneInfo Zone(string? ianaName, int? offsetMinutes)
    {
        if (!string.IsNullOrWhiteSpace(ianaName) && ianaName.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(ianaName, out var zone)) return zone;
        if (offsetMinutes is { } m && Math.Abs(m) <= 14 * 60)
        {
            var offset = TimeSpan.FromMinutes(m);
            return TimeZoneInfo.CreateCustomTimeZone($"UTC{(m < 0 ? "-" : "+")}{offset.Duration():hh\\:mm}", offset, null, null);
        }
        return TimeZoneInfo.Utc;
    }
}
