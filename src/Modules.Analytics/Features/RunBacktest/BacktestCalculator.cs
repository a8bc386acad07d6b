using Contracts.Analytics;
using Modules.Analytics.Data;
using Modules.Analytics.Rollups;
using Modules.Analytics.Statistics;

namespace Modules.Analytics.Features.RunBacktest;

/// <summary>
/// Filters the user's sent proposals by the coarse buckets kept for each (docs/features.md, "Backtest a saved search or a
/// template") and counts what those proposals brought. A bucket is a range, so a filter keeps a proposal when its bucket
/// can satisfy the filter (a "$500–1,999" job passes "budget at least $1,000"): the answer leans generous, never hides a
/// proposal the search could have found. Unknown buckets fail any filter on them. Pure.
/// </summary>
internal static class BacktestCalculator
{
    /// <summary>Below this many matching proposals the result carries a warning.</summary>
    public const int MinProposals = 20;

    /// <summary>The dollar range [low, high) of each fixed-price band.</summary>
    private static readonly Dictionary<string, (decimal Low, decimal High)> BandRange = new(StringComparer.Ordinal)
    {
        ["Under $100"] = (0, 100), ["$100–499"] = (100, 500), ["$500–1,999"] = (500, 2000), ["$2,000–9,999"] = (2000, 10000), ["$10,000+"] = (10000, decimal.MaxValue),
    };

    private static readonly Dictionary<string, (int Low, int High)> HiresRange = new(StringComparer.Ordinal)
    {
        ["No hires yet"] = (0, 0), ["1–9 hires"] = (1, 9), ["10+ hires"] = (10, int.MaxValue),
    };

    private static readonly Dictionary<string, int> CompetitionLow = new(StringComparer.Ordinal)
    {
        ["Under 5 proposals"] = 0, ["5–9 proposals"] = 5, ["10–19 proposals"] = 10, ["20–49 proposals"] = 20, ["50+ proposals"] = 50,
    };

    public static BacktestResult Compute(IEnumerable<ProposalFactRow> facts, BacktestCriteria c, DateOnly from, DateOnly to)
    {
        var sent = facts.Where(f => f.SubmittedAt is not null && f.SubmittedOn is { } d && d >= from && d <= to).ToList();
        var matching = sent.Where(f => Matches(f, c)).ToList();
        var side = Side(matching);
        return new BacktestResult(from, to, side, Side(sent), MinProposals, side.Sent < MinProposals, []);
    }

    public static bool Matches(ProposalFactRow f, BacktestCriteria c)
    {
        if (c.Template is { Length: > 0 } template && !string.Equals(f.Template, template.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        if (c.Categories is { Count: > 0 } categories && !categories.Any(x => string.Equals(x.Trim(), f.Category, StringComparison.OrdinalIgnoreCase))) return false;
        var band = f.BudgetBand ?? Dimensions.Band(f.JobType, f.BudgetMin, f.BudgetMax);
        var hourly = band == "Hourly" || f.JobType == "hourly";
        if (c.JobType is { Length: > 0 } type && (type == "hourly") != hourly) return false;
        if (c.JobType is { Length: > 0 } && f.JobType is null && band == "Unknown") return false;
        // The budget range is for fixed-price jobs (as in a saved search); hourly jobs are left to the job-type filter.
        if ((c.BudgetMin is not null || c.BudgetMax is not null) && !hourly)
        {
            if (!BandRange.TryGetValue(band, out var range)) return false;
            if (c.BudgetMin is { } min && range.High <= min) return false;
            if (c.BudgetMax is { } max && range.Low > max) return false;
        }
        if (c.PaymentVerifiedOnly && f.PaymentBucket != Dimensions.PaymentOrder[0]) return false;
        if (c.ClientMinHires is > 0 and var minHires && !(f.ClientHiresBucket is { } h && HiresRange.TryGetValue(h, out var hires) && hires.High >= minHires)) return false;
        if (c.MaxProposals is { } maxProposals && !(f.CompetitionBucket is { } b && CompetitionLow.TryGetValue(b, out var low) && low <= maxProposals)) return false;
        return true;
    }

    private static BacktestSide Side(IReadOnlyList<ProposalFactRow> rows)
    {
        int sent = rows.Count, replied = rows.Count(f => f.RepliedAt is not null), hired = rows.Count(f => f.HiredAt is not null);
        return new BacktestSide(sent, replied, hired, rows.Sum(f => f.ConnectsSpent ?? 0), Rate(replied, sent), Rate(hired, sent));
    }

    private static BacktestRate Rate(int count, int of)
    {
        var w = Proportions.Wilson(count, of);
        return new BacktestRate(of == 0 ? null : w.Rate, w.Low, w.High);
    }
}
