using Contracts.Ai;
using Contracts.Upwork;
using Modules.Analytics.Data;
using Modules.Analytics.Features.ShowDashboard;
using Modules.Analytics.Rollups;

namespace UnitTests;

/// <summary>
/// The dashboard's arithmetic on a hand-built week, with the numbers worked out by hand. The proposals go through the
/// same rollup builder the app stores rows with, so the table pins down both.
/// </summary>
public sealed class DashboardCalculatorTests
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 7);

    private static DateTimeOffset At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static ProposalFact P(Guid job, DateTimeOffset? sent, DateTimeOffset? viewed = null, DateTimeOffset? replied = null, DateTimeOffset? hired = null,
        decimal? bid = null, int? connects = null, string? template = null, bool ai = false, string? category = null, string? type = "fixed", decimal? budget = null) =>
        new(Guid.NewGuid(), job, "job", hired is not null ? "hired" : sent is null ? "draft" : "submitted", ai, template, null, bid, connects, sent ?? At(11, 2),
            sent, viewed, replied, hired, category, type, null, budget);

    private static readonly Guid Job1 = Guid.NewGuid(), Job2 = Guid.NewGuid(), Job3 = Guid.NewGuid(), Job4 = Guid.NewGuid();

    /// <summary>Proposals as the rollup tables would hold them, with each job's latest letter score.</summary>
    private static PeriodFacts Facts(IReadOnlyList<ProposalFact> proposals, Dictionary<DateOnly, int> matches, Dictionary<DateOnly, int> found, IReadOnlyList<GenerationFact> generations)
    {
        var quality = generations.Where(g => g.JobPostingId is not null && g.QualityScore is not null).GroupBy(g => g.JobPostingId!.Value)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.CreatedAt)!.QualityScore);
        var rows = proposals.Select(p => new ProposalFactRow().Apply(p, quality.GetValueOrDefault(p.JobPostingId), DateTimeOffset.UtcNow));
        return new PeriodFacts(RollupBuilder.Build(rows), matches, found, generations, proposals.Count > 0);
    }

    private static PeriodFacts Week() => Facts(
        [
            P(Job1, At(11, 2, 10), At(11, 3), At(11, 4), At(11, 5), bid: 500, connects: 10, template: "A", category: "Web", budget: 600),
            P(Job2, At(11, 3, 15), At(11, 4), connects: 8, template: "A", category: "Web", budget: 300),
            P(Job3, At(11, 6, 9), connects: 6, ai: true, type: "hourly"),
            P(Job4, At(10, 28), At(10, 29), At(10, 29), At(10, 30), bid: 200, connects: 4, template: "B"),
            P(Guid.NewGuid(), null),   // a draft: never counted as sent
        ],
        new Dictionary<DateOnly, int> { [new(2026, 11, 1)] = 3, [new(2026, 11, 2)] = 2, [new(2026, 10, 28)] = 5 },
        new Dictionary<DateOnly, int> { [new(2026, 11, 1)] = 10, [new(2026, 11, 5)] = 5, [new(2026, 10, 26)] = 7 },
        [
            new GenerationFact(Guid.NewGuid(), Job1, "cover_letter", "openai", "gpt-4o", 0.02m, 0.9m, false, At(11, 2)),
            new GenerationFact(Guid.NewGuid(), Job2, "cover_letter", "openai", "gpt-4o", 0.01m, 0.6m, false, At(11, 3)),
            new GenerationFact(Guid.NewGuid(), null, "cover_letter", "anthropic", "claude", 0.05m, null, false, At(10, 27)),
        ]);

    [Theory]
    [InlineData("jobs_found", 15, 7)]
    [InlineData("jobs_matched", 5, 5)]
    [InlineData("proposals_sent", 3, 1)]
    [InlineData("view_rate", 0.6667, 1)]
    [InlineData("reply_rate", 0.3333, 1)]
    [InlineData("hire_rate", 0.3333, 1)]
    [InlineData("connects_spent", 24, 4)]
    [InlineData("cost_per_reply", 3.63, 0.65)]      // 24 × $0.15 + $0.03 AI; 4 × $0.15 + $0.05
    [InlineData("cost_per_hire", 3.63, 0.65)]
    [InlineData("revenue", 500, 200)]
    [InlineData("ai_generations", 2, 1)]
    [InlineData("ai_spend", 0.03, 0.05)]
    public void Each_kpi_matches_the_hand_computed_value_and_the_previous_period(string key, double value, double previous)
    {
        var d = DashboardCalculator.Compute(From, To, Week(), 0.15m);

        var kpi = d.Kpis.Single(k => k.Key == key);
        kpi.Value.ShouldBe((decimal)value);
        kpi.Previous.ShouldBe((decimal)previous);
        d.PreviousFrom.ShouldBe(new DateOnly(2026, 10, 25));
        d.PreviousTo.ShouldBe(new DateOnly(2026, 10, 31));
    }

    [Fact]
    public void The_funnel_win_rates_weeks_and_quality_are_counted_as_by_hand()
    {
        var d = DashboardCalculator.Compute(From, To, Week(), 0.15m);

        d.Funnel.Select(f => f.Count).ShouldBe([15, 5, 3, 2, 1, 1]);
        d.WinRates["template"].Select(b => (b.Label, b.Sent, b.Won, b.WinRate)).ShouldBe([("A", 2, 1, 0.5m), ("AI, no template", 1, 0, 0m)]);
        d.WinRates["budget"].Select(b => b.Label).ShouldBe(["$100–499", "$500–1,999", "Hourly"]);
        d.WinRates["category"].Single(b => b.Label == "Unknown").Sent.ShouldBe(1);
        d.Weekly.Select(w => (w.WeekStart, w.Sent, w.Hired)).ShouldBe([(new DateOnly(2026, 10, 26), 0, 0), (new DateOnly(2026, 11, 2), 3, 1)]);
        d.Quality.ShouldBe(new QualityOutcome(0.9m, 0.6m, 2));
        d.Daily.Count.ShouldBe(7);
        d.Daily.Single(x => x.Day == new DateOnly(2026, 11, 5)).Revenue.ShouldBe(500m);
        d.Ai.Single().ShouldBe(new ProviderUse("openai", 2, 0, 0.03m, 0.75m));
    }

    [Fact]
    public void An_empty_period_has_zero_counts_and_no_rates_or_costs_instead_of_dividing_by_zero()
    {
        var empty = Facts([], [], [], []);

        var d = DashboardCalculator.Compute(From, To, empty, 0.15m);

        d.HasAnyData.ShouldBeFalse();
        d.Kpis.Single(k => k.Key == "proposals_sent").Value.ShouldBe(0m);
        foreach (var key in new[] { "view_rate", "reply_rate", "hire_rate", "cost_per_reply", "cost_per_hire" })
        {
            d.Kpis.Single(k => k.Key == key).Value.ShouldBeNull(key);
            d.Kpis.Single(k => k.Key == key).Previous.ShouldBeNull(key);
        }
        d.WinRates.Values.ShouldAllBe(rows => rows.Count == 0);
        d.Quality.ShouldBe(new QualityOutcome(null, null, 0));
    }

    [Fact]
    public void Sent_proposals_with_no_reply_give_a_zero_rate_and_no_cost_per_reply()
    {
        var facts = Facts([P(Job1, At(11, 2), connects: 10)], [], [], []);

        var d = DashboardCalculator.Compute(From, To, facts, 0.15m);

        d.Kpis.Single(k => k.Key == "reply_rate").Value.ShouldBe(0m);
        d.Kpis.Single(k => k.Key == "cost_per_reply").Value.ShouldBeNull();
        d.Kpis.Single(k => k.Key == "connects_spent").Value.ShouldBe(10m);
    }

    [Fact]
    public void Win_rates_by_saved_search_apply_speed_and_client_response_time_are_bucketed_as_by_hand()
    {
        ProposalFact Sent(DateTimeOffset posted, DateTimeOffset sent, string? search, DateTimeOffset? viewed = null, DateTimeOffset? replied = null, DateTimeOffset? hired = null) =>
            P(Guid.NewGuid(), sent, viewed, replied, hired) with { JobPostedAt = posted, SavedSearch = search };
        var t = At(11, 3, 9);
        var facts = Facts(
        [
            Sent(t, t.AddMinutes(10), "Python APIs", viewed: t.AddMinutes(40), replied: t.AddHours(3), hired: t.AddDays(1)),   // fast, answered within the hour
            Sent(t, t.AddMinutes(50), "Python APIs", viewed: t.AddHours(5)),                                                  // 15–60 min; viewed after 4 h 10
            Sent(t, t.AddHours(2), null, replied: t.AddDays(2)),                                                              // 1–4 h; replied after 46 h
            Sent(t, t.AddDays(2), "Design"),                                                                                  // over a day; no response
        ], [], [], []);

        var d = DashboardCalculator.Compute(From, To, facts, 0.15m);

        d.WinRates["search"].Select(b => (b.Label, b.Sent, b.Won)).ShouldBe([("Python APIs", 2, 1), ("Design", 1, 0), (Dimensions.NoSearch, 1, 0)]);
        d.WinRates["speed"].Select(b => (b.Label, b.Sent, b.Won))
            .ShouldBe([("Within 15 minutes", 1, 1), ("15–60 minutes", 1, 0), ("1–4 hours", 1, 0), ("Over a day", 1, 0)]);
        d.WinRates["response"].Select(b => (b.Label, b.Sent))
            .ShouldBe([("Within an hour", 1), ("1–6 hours", 1), ("1–3 days", 1), (Dimensions.NoResponse, 1)]);
        d.WinRates.ShouldNotContainKey("member");     // only the team view names members
    }

    [Fact]
    public void A_fact_stores_only_the_jobs_buckets_and_keeps_them_once_the_job_is_purged()
    {
        var posted = At(11, 3, 9);
        var live = P(Job1, posted.AddMinutes(30), category: "Web", budget: 600) with { JobPostedAt = posted };
        var row = new ProposalFactRow().Apply(live, null, DateTimeOffset.UtcNow);
        row.BudgetMin.ShouldBeNull();   // Upwork content: never kept (docs/data-retention.md)
        row.BudgetMax.ShouldBeNull();
        row.JobPostedAt.ShouldBeNull();
        (row.BudgetBand, row.SpeedBucket, row.Category).ShouldBe(("$500–1,999", "15–60 minutes", "Web"));

        row.Apply(live with { Category = null, JobType = null, BudgetMax = null, JobPostedAt = null }, null, DateTimeOffset.UtcNow);
        (row.BudgetBand, row.SpeedBucket, row.Category).ShouldBe(("$500–1,999", "15–60 minutes", "Web"));
    }

    [Theory]
    [InlineData(0, "Within 15 minutes")]
    [InlineData(14.9, "Within 15 minutes")]
    [InlineData(15, "15–60 minutes")]
    [InlineData(239, "1–4 hours")]
    [InlineData(1439, "4–24 hours")]
    [InlineData(1440, "Over a day")]
    [InlineData(-5, "Unknown")]       // sent "before" it was posted: a clock we cannot trust
    public void Apply_speed_buckets_have_exact_edges(double minutes, string bucket)
    {
        var posted = At(11, 3);
        Dimensions.SpeedBucket(posted, posted.AddMinutes(minutes)).ShouldBe(bucket);
    }

    [Fact]
    public void A_hire_counts_its_revenue_on_the_day_of_the_hire_and_its_proposal_on_the_day_it_was_sent()
    {
        var facts = Facts([P(Job1, At(10, 30), At(10, 31), At(11, 1), At(11, 4), bid: 900, connects: 12)], [], [], []);

        var d = DashboardCalculator.Compute(From, To, facts, 0.15m);

        d.Kpis.Single(k => k.Key == "proposals_sent").Value.ShouldBe(0m);     // sent in the previous period
        d.Kpis.Single(k => k.Key == "proposals_sent").Previous.ShouldBe(1m);
        d.Kpis.Single(k => k.Key == "revenue").Value.ShouldBe(900m);          // hired in this one
        d.Kpis.Single(k => k.Key == "hire_rate").Previous.ShouldBe(1m);
        d.Daily.Single(x => x.Day == new DateOnly(2026, 11, 4)).Hired.ShouldBe(1);
    }
}
