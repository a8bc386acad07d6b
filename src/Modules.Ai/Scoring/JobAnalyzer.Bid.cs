using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Bid -------------------------------------------------------------------------------------------------------

    private static RecommendedBid Bid(JobPostingDetails job, BidKind kind, FreelancerProfile? profile, decimal market, ComplexityLevel complexity)
    {
        var rate = profile?.HourlyRate is > 0 ? profile.HourlyRate : null;
        decimal lo, hi;
        string basis;
        if (kind == BidKind.Hourly)
        {
            if (rate is { } r)
            {
                // Never undercut your own rate; go up towards the market when it pays more, by at most a quarter.
                (lo, hi) = (r, Math.Max(r, Math.Min(market, r * 1.25m)));
                if (hi <= lo) hi = lo * 1.1m;
                basis = $"Your rate is {Money.Price(r, kind)} and similar jobs pay about {Money.About(market, kind)}";
            }
            else
            {
                (lo, hi) = (market * 0.9m, market * 1.1m);
                basis = $"Similar jobs pay about {Money.About(market, kind)} (add your hourly rate to your profile for a personal range)";
            }
        }
        else
        {
            var anchor = market;
            basis = $"Similar jobs pay about {Money.About(market, kind)}";
            if (rate is { } r)
            {
                var effort = r * TypicalHours[complexity];
                anchor = (market + effort) / 2;
                basis += $", and {Article(complexity)} project takes about {TypicalHours[complexity]} hours ({Money.About(effort, kind)} at your rate)";
            }
            (lo, hi) = (anchor * 0.9m, anchor * 1.1m);
        }

        var (min, max) = Range(job);
        var note = "";
        if (min is { } only && min == max && (lo > only || hi < only))
            note = lo > only ? $"; the client's budget is only {Money.Price(only, kind)}" : $"; the client offers {Money.Price(only, kind)}, so ask for that";
        else if (max is { } cap && lo > cap)
            note = rate is not null && kind == BidKind.Hourly
                ? $"; that is above the client's {Money.Price(cap, kind)} cap, so bid at the top of their range and show why you are worth it"
                : $"; the client's budget of {Money.Price(cap, kind)} caps it";
        else if (min is { } floor && hi < floor)
            note = $"; the client offers at least {Money.Price(floor, kind)}, so bid in their range";
        else if (min is not null || max is not null)
            note = "; kept within the client's budget";
        lo = Clamp(lo, min, max);
        hi = Clamp(hi, min, max);
        if (hi < lo) hi = lo;
        var step = kind == BidKind.Hourly ? 1m : lo switch { < 1_000 => 5m, < 10_000 => 50m, _ => 100m };
        (lo, hi) = (RoundWithin(lo, step, min, max, up: true), RoundWithin(hi, step, min, max, up: false));
        if (hi < lo) hi = lo;
        return new RecommendedBid(lo, hi, "USD", kind, $"{basis}{note}: bid {Money.Range(lo, hi, kind)}.");
    }

    private static decimal Clamp(decimal value, decimal? min, decimal? max) => Math.Min(Math.Max(value, min ?? value), max ?? decimal.MaxValue);

    /// <summary>Rounds to a friendly step unless that would leave the client's range, where the exact bound is kept.</summary>
    private static decimal RoundWithin(decimal value, decimal step, decimal? min, decimal? max, bool up)
    {
        var rounded = (up ? Math.Ceiling(value / step) : Math.Floor(value / step)) * step;
        if (rounded <= 0) rounded = Math.Round(value, 0);
        return (min is { } lo && rounded < lo) || (max is { } hi && rounded > hi) ? Math.Round(value, 2) : rounded;
    }
}
