using Microsoft.Extensions.DependencyInjection;
namespace IntegrationTests.Analytics;

/// <summary>The dashboard routes on real data made through the product's own API: numbers, freshness, ownership, CSV.</summary>
public sealed class DashboardApiTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static async Task<Guid> ProposalAsync(SignedInClient user, string title, int connects, decimal bid, params string[] statuses)
    {
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = $"{title} {Guid.NewGuid():N}", budgetMax = 800, jobType = "fixed" }));
        var jobId = job.Data.As<Created>().Id;
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, connectsSpent = connects, bidAmount = bid, templateName = "Short" }));
        var id = created.Data.As<Created>().Id;
        foreach (var status in statuses)
            (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private static decimal? Kpi(Envelope dashboard, string key) => dashboard.Data.As<Dashboard>().Value(key);

    [Fact]
    public async Task The_dashboard_counts_what_the_user_did_and_changes_at_once_when_a_proposal_moves()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await ProposalAsync(user, "Won job", 10, 500m, "submitted", "viewed", "interviewing", "hired");
        var open = await ProposalAsync(user, "Open job", 6, 300m, "submitted");
        await ProposalAsync(user, "Draft job", 0, 100m);

        var first = await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard");

        first.Status.ShouldBe(HttpStatusCode.OK, first.Root.ToString());
        Kpi(first, "proposals_sent").ShouldBe(2m);
        Kpi(first, "view_rate").ShouldBe(0.5m);
        Kpi(first, "hire_rate").ShouldBe(0.5m);
        Kpi(first, "connects_spent").ShouldBe(16m);
        Kpi(first, "revenue").ShouldBe(500m);
        Kpi(first, "cost_per_hire").ShouldBe(2.40m);                     // 16 Connects × $0.15, no AI spend
        first.Data.As<Dashboard>().Funnel.Select(f => f.Count).Skip(2).ShouldBe([2, 1, 1, 1]);

        // The cached view is dropped the moment a proposal changes: no 30-minute wait.
        var jobOfOpen = (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{open}")).Data.As<ProposalView>().JobPostingId;
        (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{open}", new { jobPostingId = jobOfOpen, status = "viewed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard");
        Kpi(second, "view_rate").ShouldBe(1m);
    }

    [Fact]
    public async Task Prometheus_counts_proposals_by_status_for_the_business_dashboards()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await ProposalAsync(user, "Metric job", 4, 100m, "submitted", "hired");

        var metrics = await fixture.App.CreateClient().GetStringAsync("/metrics");

        foreach (var status in new[] { "draft", "submitted", "hired" })
            metrics.ShouldContain($"proposals_total{{status=\"{status}\"}}");
    }

    [Fact]
    public async Task A_member_sees_only_their_own_numbers()
    {
        var owner = await fixture.App.CreateSignedInClientAsync();
        await ProposalAsync(owner, "Mine", 10, 500m, "submitted", "hired");
        var other = await fixture.App.CreateSignedInClientAsync();

        var theirs = await other.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard");

        Kpi(theirs, "proposals_sent").ShouldBe(0m);
        Kpi(theirs, "hire_rate").ShouldBeNull();
        Kpi(theirs, "revenue").ShouldBe(0m);
        (await other.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=template")).Data.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Win_rates_group_as_asked_and_an_unknown_grouping_or_period_names_the_field()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await ProposalAsync(user, "A", 4, 100m, "submitted", "hired");
        await ProposalAsync(user, "B", 4, 100m, "submitted", "declined");

        var byTemplate = await user.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=template");
        var row = byTemplate.Data.As<IReadOnlyList<Breakdown>>().Single();
        row.Label.ShouldBe("Short");
        row.Sent.ShouldBe(2);
        row.WinRate.ShouldBe(0.5m);
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=moon")).Errors.Single().Field.ShouldBe("groupBy");
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard?from=2026-02-01&to=2026-01-01")).Errors.Single().Field.ShouldBe("to");
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard?from=2020-01-01&to=2026-01-01")).Errors.Single().Field.ShouldBe("from");
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/revenue")).Data.As<RevenueView>().Total.ShouldBe(100m);
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/jobs")).Data.GetArrayLength().ShouldBe(30);
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/performance")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Csv_exports_hold_the_same_numbers_and_never_a_spreadsheet_formula()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = "Formula job" }));
        var jobId = job.Data.As<Created>().Id;
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, connectsSpent = 8, templateName = "=HYPERLINK(\"http://evil\",\"x\"), \"quoted\"" }));
        await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{created.Data.As<Created>().Id}", new { jobPostingId = jobId, status = "submitted" });

        var kpis = await user.Http.GetAsync("/api/v1/analytics/dashboard?format=csv");
        var templates = await user.Http.GetAsync("/api/v1/analytics/proposals?groupBy=template&format=csv");

        kpis.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await kpis.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("metric,value,previous");
        lines.ShouldContain("proposals_sent,1,0");
        lines.ShouldContain("connects_spent,8,0");
        var templateCsv = await templates.Content.ReadAsStringAsync();
        templateCsv.ShouldStartWith("template,sent,won,win_rate\r\n");
        templateCsv.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), \"\"quoted\"\"\",1,0,0");
    }
}

/// <summary>The admin's team view adds up every member; a member cannot ask for it.</summary>
public sealed class TeamDashboardTests
{
    [Fact]
    public async Task The_admin_sees_the_whole_team_and_a_member_is_refused_the_team_view()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();      // the first account is the admin
        var member = await app.CreateSignedInClientAsync();
        foreach (var (user, status) in new[] { (admin, "hired"), (member, "submitted"), (member, "hired") })
        {
            var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = $"Team job {Guid.NewGuid():N}" }));
            var jobId = job.Data.As<Created>().Id;
            var id = (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, connectsSpent = 5 }))).Data.As<Created>().Id;
            await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status });
        }

        static decimal? Sent(Envelope e) => e.Data.As<Dashboard>().Value("proposals_sent")!.Value;
        Sent(await admin.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard")).ShouldBe(1m);
        Sent(await admin.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard?scope=team")).ShouldBe(3m);
        Sent(await member.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard")).ShouldBe(2m);
        var refused = await member.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard?scope=team");
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Errors.Single().Field.ShouldBe("scope");
        (await member.Http.GetAsync("/api/v1/analytics/proposals?scope=team&format=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Win rate by team member, with names, in the team view only.
        var byMember = (await admin.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?scope=team&groupBy=member")).Data.As<IReadOnlyList<Breakdown>>()
            .Select(b => (b.Sent, b.Won, b.Label)).ToList();
        byMember.Select(b => (b.Sent, b.Won)).ShouldBe([(2, 1), (1, 1)]);
        byMember.ShouldAllBe(b => !string.IsNullOrWhiteSpace(b.Label));
        (await admin.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=member")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}

/// <summary>The operator's business view: admins only, numbers from the subscription book.</summary>
public sealed class BusinessApiTests
{
    [Fact]
    public async Task Only_the_admin_sees_the_business_view_and_its_mrr_follows_the_book()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();      // the first account is the admin
        var member = await app.CreateSignedInClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        (await member.Http.GetAsync("/api/v1/analytics/business")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await Envelope.ReadAsync(await admin.Http.PostAsJsonAsync("/api/v1/analytics/business/subscriptions",
            new { customer = "Acme", plan = "pro", price = 20, interval = "weekly", start = today.AddMonths(-2) }));
        bad.Errors.Single().Field.ShouldBe("interval");
        (await admin.Http.PostAsJsonAsync("/api/v1/analytics/business/subscriptions", new { customer = "Acme", plan = "pro", price = 20, start = today.AddMonths(-2) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var yearly = await Envelope.ReadAsync(await admin.Http.PostAsJsonAsync("/api/v1/analytics/business/subscriptions",
            new { customer = "Globex", plan = "agency", price = 1200, interval = "year", start = today.AddMonths(-1) }));

        var view = await admin.Http.GetEnvelopeAsync("/api/v1/analytics/business");
        var business = view.Data.As<BusinessView>();
        business.MrrToday.ShouldBe(120m);       // 20 + 1200/12
        business.Months.Count.ShouldBe(12);

        var id = yearly.Data.As<Created>().Id;
        (await admin.Http.PutAsync($"/api/v1/analytics/business/subscriptions/{id}/end?end={today:yyyy-MM-dd}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Http.GetEnvelopeAsync("/api/v1/analytics/business")).Data.As<BusinessView>().MrrToday.ShouldBe(20m);
    }
}
