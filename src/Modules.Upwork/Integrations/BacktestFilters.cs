using Contracts.Analytics;
using Modules.Upwork.Data;

namespace Modules.Upwork.Integrations;

/// <summary>
/// A saved search (or the saved-search form's unsaved values) as a backtest can use it: the filters Analytics's coarse
/// buckets can answer, and the names of the rest (text, skills, places…), which the backtest reports as not checked.
/// </summary>
internal static class BacktestFilters
{
    public static BacktestCriteria From(SavedSearch s, int days)
    {
        var notChecked = new List<string>();
        if (!string.IsNullOrWhiteSpace(s.Query)) notChecked.Add("keywords");
        if (s.Skills.Count > 0) notChecked.Add("skills");
        if (s.ExcludeWords.Count > 0) notChecked.Add("excluded words");
        if (s.ExperienceLevel is not null) notChecked.Add("experience level");
        if (s.HourlyMin is not null || s.HourlyMax is not null) notChecked.Add("hourly rate");
        if (s.ClientMinSpent is not null) notChecked.Add("client spend");
        if (s.ClientMinRating is not null) notChecked.Add("client rating");
        if (s.CountriesInclude.Count > 0 || s.CountriesExclude.Count > 0) notChecked.Add("countries");
        return new BacktestCriteria(days, null, s.Categories, s.JobType, s.BudgetMin, s.BudgetMax, s.PaymentVerifiedOnly, s.ClientMinHires, s.MaxProposals, notChecked);
    }
}
