namespace Modules.Analytics.Features.ShowBusinessMetrics;

/// <summary>A customer subscription of an operator who resells the hosted app.</summary>
internal sealed record SubscriptionFact(Guid Id, string Customer, string Plan, decimal Price, string Interval, DateOnly Start, DateOnly? End)
{
    /// <summary>The price per month (a yearly price ÷ 12).</summary>
    public decimal Monthly => Interval == "year" ? Math.Round(Price / 12m, 2) : Price;

    public bool ActiveOn(DateOnly day) => Start <= day && (End is null || day < End);
}

/// <summary>One month of the business view.</summary>
internal sealed record BusinessMonth(DateOnly Month, decimal Mrr, int ActiveAtStart, int Churned, int New, decimal? ChurnRate, decimal? Arpu, decimal? Ltv);

/// <summary>Active subscriptions and MRR per plan today.</summary>
internal sealed record PlanShare(string Plan, int Active, decimal Mrr);

/// <summary>
/// The specification's business metrics (docs/specification.md §11), with the formulas the admin page shows:
/// <list type="bullet">
/// <item><b>MRR</b> on a day = Σ monthly price of subscriptions active that day (yearly prices ÷ 12).</item>
/// <item><b>Churn rate</b> of a month = subscriptions active on its first day that ended during it ÷ those active on its first day (none: no rate).</item>
/// <item><b>ARPU</b> = MRR on the month's first day ÷ subscriptions active then.</item>
/// <item><b>LTV</b> = ARPU ÷ monthly churn rate (no churn: no finite LTV, shown as such).</item>
/// </list>
/// </summary>
internal static class SubscriptionMath
{
    public static decimal Mrr(IEnumerable<SubscriptionFact> subs, DateOnly day) => subs.Where(s => s.ActiveOn(day)).Sum(s => s.Monthly);

    public static IReadOnlyList<BusinessMonth> Months(IReadOnlyList<SubscriptionFact> subs, DateOnly from, DateOnly to)
    {
        var months = new List<BusinessMonth>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var next = m.AddMonths(1);
            var active = subs.Where(s => s.ActiveOn(m)).ToList();
            var churned = active.Count(s => s.End is { } e && e >= m && e < next);
            var started = subs.Count(s => s.Start >= m && s.Start < next);
            var mrr = active.Sum(s => s.Monthly);
            decimal? churn = active.Count == 0 ? null : Math.Round((decimal)churned / active.Count, 4);
            decimal? arpu = active.Count == 0 ? null : Math.Round(mrr / active.Count, 2);
            decimal? ltv = churn is > 0 && arpu is { } a ? Math.Round(a / churn.Value, 2) : null;
            months.Add(new BusinessMonth(m, mrr, active.Count, churned, started, churn, arpu, ltv));
        }
        return months;
    }

    public static IReadOnlyList<PlanShare> Plans(IReadOnlyList<SubscriptionFact> subs, DateOnly day) =>
        subs.Where(s => s.ActiveOn(day)).GroupBy(s => s.Plan).Select(g => new PlanShare(g.Key, g.Count(), g.Sum(s => s.Monthly)))
            .OrderByDescending(p => p.Mrr).ToList();
}
