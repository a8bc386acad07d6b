using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Budget ----------------------------------------------------------------------------------------------------

    private static decimal MarketPrice(JobPostingDetails job, BidKind kind, ComplexityLevel complexity, AnalysisModels models, Dictionary<string, int> versions)
    {
        if (models.Salary is { } salary)
        {
            var typed = JobFacts.Kind(job) is null ? job with { JobType = kind == BidKind.Fixed ? "fixed" : "hourly" } : job;
            if (salary.Predict(typed) is > 0 and var predicted)
            {
                versions[ModelNames.SalaryPredictor] = salary.Version;
                return predicted;
            }
        }
        var level = JobFacts.Level(job);
        return kind == BidKind.Hourly ? HourlyPrior[level] : FixedPrior[complexity] * FixedLevelFactor[level];
    }

    private static Scored BudgetAdequacy(JobPostingDetails job, BidKind kind, FreelancerProfile? profile, decimal market, ComplexityLevel complexity)
    {
        var (min, max) = Range(job);
        var offered = max ?? min;
        if (offered is null)
            return new Scored(5, kind == BidKind.Hourly ? "No rate stated: you can name your price." : "No budget stated: you can name your price.");
        var rate = profile?.HourlyRate is > 0 ? profile.HourlyRate : null;
        double ratio;
        string reason;
        if (kind == BidKind.Hourly)
        {
            var reference = rate ?? market;
            ratio = (double)(offered.Value / reference);
            var pays = min is { } lo && max is { } hi && lo != hi ? $"Pays {Money.Range(lo, hi, kind)}" : $"Pays up to {Money.Price(offered.Value, kind)}";
            reason = rate is { } r
                ? $"{pays} against your {Money.Price(r, kind)} rate"
                : $"{pays}; similar jobs pay about {Money.About(market, kind)}";
        }
        else
        {
            ratio = (double)(offered.Value / market);
            reason = $"{Money.Price(offered.Value, kind)} for {Article(complexity)} project; similar jobs pay about {Money.About(market, kind)}";
            if (rate is { } r)
            {
                var hours = offered.Value / r;
                var fair = (double)hours / TypicalHours[complexity];
                ratio = (ratio + fair) / 2;
                reason += $", and it buys about {Math.Round(hours):0} hours at your {Money.Price(r, BidKind.Hourly)} (such projects take about {TypicalHours[complexity]} hours)";
            }
        }
        var score = ratio switch { >= 1.3 => 10, >= 1.1 => 9, >= 1.0 => 8, >= 0.9 => 7, >= 0.8 => 6, >= 0.7 => 5, >= 0.6 => 4, >= 0.5 => 3, >= 0.35 => 2, _ => 1 };
        var label = score switch { >= 9 => "generous", >= 7 => "fair", >= 5 => "a little tight", >= 3 => "low", _ => "far too low" };
        return new Scored(score, $"{reason}: {label}.");
    }

    private static (decimal? Min, decimal? Max) Range(JobPostingDetails job)
    {
        var min = job.BudgetMin is > 0 ? job.BudgetMin : null;
        var max = job.BudgetMax is > 0 ? job.BudgetMax : null;
        if (min > max) (min, max) = (max, min);
        return (min, max);
    }
}
