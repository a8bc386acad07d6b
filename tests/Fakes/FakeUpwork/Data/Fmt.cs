using System.Globalization;
using System.Security.Cryptography;

namespace FakeUpwork.Data;

/// <summary>Wire formats of the real API (docs/upwork-api.md §7.6).</summary>
internal static class Fmt
{
    /// <summary>"2025-10-16T06:06:48+0000".</summary>
    public static string Date(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>Money rawValue: one or two decimals ("15.0", "72.11").</summary>
    public static string MoneyRaw(decimal v) => v.ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>A Money object in USD; displayValue equals rawValue, as in live samples.</summary>
    public static Dictionary<string, object?> Money(decimal v)
    {
        var raw = MoneyRaw(v);
        return new() { ["rawValue"] = raw, ["currency"] = "USD", ["displayValue"] = raw };
    }

    /// <summary>Epoch milliseconds as a string.</summary>
    public static string EpochMs(DateTimeOffset t) => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>32 lowercase hex characters from a cryptographic source.</summary>
    public static string Hex32() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Invariant integer formatting.</summary>
    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
}
