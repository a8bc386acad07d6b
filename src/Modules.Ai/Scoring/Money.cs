using System.Globalization;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>Dollar amounts the way people say them: "$950", "$12k", "$1.2M", "$45/h".</summary>
internal static class Money
{
    /// <summary>A short amount.</summary>
    public static string Short(decimal amount)
    {
        var c = CultureInfo.InvariantCulture;
        return Math.Abs(amount) switch
        {
            >= 1_000_000 => "$" + (amount / 1_000_000).ToString("0.#", c) + "M",
            >= 10_000 => "$" + (amount / 1_000).ToString("0", c) + "k",
            >= 1_000 => "$" + (amount / 1_000).ToString("0.#", c) + "k",
            _ => "$" + amount.ToString("0", c),
        };
    }

    /// <summary>An estimate, rounded to two significant figures ("about $3,800", "about $45/h").</summary>
    public static string About(decimal amount, BidKind kind)
    {
        if (amount >= 100)
        {
            var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)amount)) - 1);
            amount = Math.Round(amount / magnitude) * magnitude;
        }
        return Price(amount, kind);
    }

    /// <summary>A range with its unit once: "$40–$60/h", "$900–$1,100", or one figure when both ends meet.</summary>
    public static string Range(decimal min, decimal max, BidKind kind) =>
        min == max ? Price(min, kind) : $"{Price(min, BidKind.Fixed)}–{Price(max, kind)}";

    /// <summary>An amount with its unit: "$45/h" or "$1,500".</summary>
    public static string Price(decimal amount, BidKind kind) =>
        kind == BidKind.Hourly ? $"${amount.ToString("0", CultureInfo.InvariantCulture)}/h" : "$" + amount.ToString("#,0", CultureInfo.InvariantCulture);
}
