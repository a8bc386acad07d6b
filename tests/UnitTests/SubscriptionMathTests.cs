using Modules.Analytics.Features.ShowBusinessMetrics;

namespace UnitTests;

/// <summary>MRR, churn and LTV on a known subscription history, worked out by hand.</summary>
public sealed class SubscriptionMathTests
{
    private static SubscriptionFact S(string plan, decimal price, string start, string? end = null, string interval = "month") =>
        new(Guid.NewGuid(), plan + start, plan, price, interval, DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));

    private static readonly IReadOnlyList<SubscriptionFact> History =
    [
        S("pro", 20, "2026-01-05"),                        // stays
        S("pro", 20, "2026-01-10", "2026-03-15"),          // churns in March
        S("agency", 120, "2026-02-01"),                     // stays
        S("agency", 1200, "2026-02-20", "2026-04-01", "year"), // $100/month, churns on 1 April (counted in April)
        S("pro", 20, "2026-03-01", "2026-03-20"),          // starts and ends in March: never active on a first day
    ];

    [Fact]
    public void Mrr_counts_the_subscriptions_active_that_day_with_yearly_prices_per_month()
    {
        SubscriptionMath.Mrr(History, new DateOnly(2026, 1, 31)).ShouldBe(40m);
        SubscriptionMath.Mrr(History, new DateOnly(2026, 3, 1)).ShouldBe(280m);   // 20 + 20 + 120 + 100 + 20
        SubscriptionMath.Mrr(History, new DateOnly(2026, 4, 1)).ShouldBe(140m);   // the yearly one ended on 1 April
    }

    [Fact]
    public void Churn_arpu_and_ltv_per_month_match_the_hand_computed_values()
    {
        var months = SubscriptionMath.Months(History, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30));

        var jan = months[0];
        jan.ActiveAtStart.ShouldBe(0);
        jan.ChurnRate.ShouldBeNull();           // nobody to churn: no rate, not 0%
        jan.Ltv.ShouldBeNull();
        jan.New.ShouldBe(2);

        var mar = months[2];                    // active on 1 March: pro, pro(→15 Mar), agency, yearly agency, pro(starts 1 Mar) = 5
        mar.ActiveAtStart.ShouldBe(5);
        mar.Mrr.ShouldBe(280m);
        mar.Churned.ShouldBe(2);                // the 15 March and 20 March endings
        mar.ChurnRate.ShouldBe(0.4m);
        mar.Arpu.ShouldBe(56m);                 // 280 / 5
        mar.Ltv.ShouldBe(140m);                 // 56 / 0.4

        var apr = months[3];                    // active on 1 April: pro, agency (the yearly ended that day)
        apr.ActiveAtStart.ShouldBe(2);
        apr.Churned.ShouldBe(0);
        apr.ChurnRate.ShouldBe(0m);
        apr.Ltv.ShouldBeNull();                 // no churn: no finite lifetime value
    }

    [Fact]
    public void Plans_share_the_mrr_of_today()
    {
        SubscriptionMath.Plans(History, new DateOnly(2026, 4, 15)).ShouldBe([new PlanShare("agency", 1, 120m), new PlanShare("pro", 1, 20m)]);
    }
}
