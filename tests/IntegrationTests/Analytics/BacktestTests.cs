using Contracts.Analytics;
using System.Text.Json;
using Modules.Upwork.Data;

namespace IntegrationTests.Analytics;

public sealed class PostgresBacktestTests(PostgresApp fixture) : BacktestTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteBacktestTests(SqliteApp fixture) : BacktestTests(fixture), IClassFixture<SqliteApp>;

/// <summary>
/// <c>POST /api/v1/analytics/backtest</c> and <c>GET /api/v1/analytics/what-wins</c> on a small history made through the
/// product (jobs as a connection would store them, proposals through the API), with every number worked out by hand.
/// </summary>
public abstract class BacktestTests(AppFixture fixture)
{
    private AppFactory App => fixture.App;

    /// <summary>A job as the user's own Upwork connection stored it, and a proposal to it moved through <paramref name="statuses"/>.</summary>
    private async Task ProposalAsync(SignedInClient user, string category, string type, decimal budget, bool verified, int proposals, int hires,
        int connects, string template, params string[] statuses)
    {
        var jobId = Guid.NewGuid();
        await using (var db = await App.CreateDbContextAsync())
        {
            db.JobPostings().Add(new JobPosting
            {
                Id = jobId, UpworkJobId = "~02" + jobId.ToString("N")[..16], Title = $"Backtest job {jobId:N}", Category = category, JobType = type,
                BudgetMax = budget, ClientPaymentVerified = verified, ProposalsCount = proposals,
                ClientInfo = JsonSerializer.Serialize(new ClientInfo(hires, hires + 3, 0, null, null, verified, "US", null, null), JsonSerializerOptions.Web),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PostedAt = DateTimeOffset.UtcNow.AddHours(-2), ContentHash = "test",
            });
            db.Set<JobAccess>().Add(new JobAccess { JobPostingId = jobId, UserId = user.UserId, Via = JobAccessVia.Fetch, GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, connectsSpent = connects, bidAmount = 500, templateName = template, coverLetter = "Hello, I have built this before." }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.ToString());
        var id = created.Data.As<Created>().Id;
        foreach (var status in statuses)
            (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// A: Web, fixed $1,500, verified, 3 proposals, hired (10 Connects, Short). B: Web, fixed $300, verified, 12 proposals, interviewing (8, Long).
    /// C: Web, hourly, not verified, 60 proposals, no answer (6, Short). D: Mobile, fixed $5,000, verified, 7 proposals, declined (12, Short).
    /// E: Mobile, fixed $800, not verified, 2 proposals, hired straight away (4, Long). F: a draft, never sent (counts nowhere).
    /// </summary>
    private async Task<SignedInClient> HistoryAsync()
    {
        var user = await App.CreateSignedInClientAsync();
        await ProposalAsync(user, "Web", "fixed", 1500, true, 3, 5, 10, "Short", "submitted", "viewed", "interviewing", "hired");
        await ProposalAsync(user, "Web", "fixed", 300, true, 12, 0, 8, "Long", "submitted", "interviewing");
        await ProposalAsync(user, "Web", "hourly", 40, false, 60, 20, 6, "Short", "submitted");
        await ProposalAsync(user, "Mobile", "fixed", 5000, true, 7, 2, 12, "Short", "submitted", "declined");
        await ProposalAsync(user, "Mobile", "fixed", 800, false, 2, 0, 4, "Long", "submitted", "hired");
        await ProposalAsync(user, "Web", "fixed", 900, true, 1, 1, 0, "Short");
        return user;
    }

    private static async Task<Envelope> PostAsync(HttpClient http, string url, object body) => await Envelope.ReadAsync(await http.PostAsJsonAsync(url, body));

    private static (int Sent, int Replied, int Hired, int Connects) Side(Envelope e, string side)
    {
        var result = e.Data.As<BacktestResult>();
        var s = side == "all" ? result.All : side == "matching" ? result.Matching : throw new ArgumentOutOfRangeException(nameof(side));
        return (s.Sent, s.Replied, s.Hired, s.Connects);
    }

    [Fact]
    public async Task Backtest_numbers_equal_the_hand_computed_history()
    {
        var user = await HistoryAsync();

        var verified = await PostAsync(user.Http, "/api/v1/analytics/backtest", new { categories = new[] { "Web", "Mobile" }, paymentVerifiedOnly = true });
        var shortTemplate = await PostAsync(user.Http, "/api/v1/analytics/backtest", new { template = "Short" });
        var fixedOver500 = await PostAsync(user.Http, "/api/v1/analytics/backtest", new { jobType = "fixed", budgetMin = 500 });
        var fewProposals = await PostAsync(user.Http, "/api/v1/analytics/backtest", new { maxProposals = 10, template = "Long" });

        verified.Status.ShouldBe(HttpStatusCode.OK, verified.Root.ToString());
        Side(verified, "all").ShouldBe((5, 3, 2, 40));               // A–E sent; A, B, E answered; A, E hired
        Side(verified, "matching").ShouldBe((3, 2, 1, 30));          // A, B, D
        var result = verified.Data.As<BacktestResult>();
        result.Matching.HireRate.Rate!.Value.ShouldBe(1 / 3.0, 1e-9);
        result.SmallSample.ShouldBeTrue();
        result.Notes[0].ShouldContain("Only 3 of your proposals");
        Side(shortTemplate, "matching").ShouldBe((3, 1, 1, 28));     // A, C, D
        Side(fixedOver500, "matching").ShouldBe((3, 2, 2, 26));      // A ($500–1,999), D ($2,000–9,999), E ($500–1,999); B's band ends at $500
        // A band is a range: B (12 proposals, band 10–19) could have had 10 when applied, so it counts; then only Long letters: B, E.
        Side(fewProposals, "matching").ShouldBe((2, 2, 1, 12));
    }

    [Fact]
    public async Task A_saved_search_backtests_by_id_for_its_owner_only_and_names_what_it_could_not_check()
    {
        var user = await HistoryAsync();
        var search = await PostAsync(user.Http, "/api/v1/upwork/saved-searches",
            new { name = "Verified web", query = "blazor", categories = new[] { "Web" }, paymentVerifiedOnly = true, alertsEnabled = false });
        search.Status.ShouldBe(HttpStatusCode.Created, search.Root.ToString());
        var searchId = search.Data.As<Created>().Id;

        var mine = await PostAsync(user.Http, "/api/v1/analytics/backtest", new { savedSearchId = searchId, days = 30 });
        var stranger = await App.CreateSignedInClientAsync();
        var theirs = await PostAsync(stranger.Http, "/api/v1/analytics/backtest", new { savedSearchId = searchId });

        Side(mine, "matching").ShouldBe((2, 2, 1, 18));              // A, B
        mine.Data.As<BacktestResult>().Notes.ShouldContain(n => n.StartsWith("Not checked: keywords", StringComparison.Ordinal));
        theirs.Status.ShouldBe(HttpStatusCode.NotFound);
        theirs.Errors[0].Field.ShouldBe("savedSearchId");
    }

    [Theory]
    [InlineData("""{"jobType":"weekly"}""", "jobType")]
    [InlineData("""{}""", "template")]
    [InlineData("""{"template":"Short","days":1000}""", "days")]
    [InlineData("""{"budgetMin":900,"budgetMax":100}""", "budgetMax")]
    public async Task An_invalid_backtest_is_refused_naming_the_field(string body, string field)
    {
        var user = await App.CreateSignedInClientAsync();

        var response = await user.Http.PostAsync("/api/v1/analytics/backtest", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var e = await Envelope.ReadAsync(response);

        e.Status.ShouldBe(HttpStatusCode.BadRequest);
        e.Errors.Select(x => x.Field).ShouldContain(field);
    }

    [Fact]
    public async Task What_wins_counts_the_users_own_proposals_and_claims_nothing_from_five()
    {
        var user = await HistoryAsync();

        var wins = await user.Http.GetEnvelopeAsync("/api/v1/analytics/what-wins");
        var other = await (await App.CreateSignedInClientAsync()).Http.GetEnvelopeAsync("/api/v1/analytics/what-wins");

        wins.Status.ShouldBe(HttpStatusCode.OK, wins.Root.ToString());
        var mine = wins.Data.As<WhatWins>();
        mine.Sent.ShouldBe(5);
        mine.Findings.ShouldBeEmpty();
        var payment = mine.Attributes.Single(a => a.Key == "payment");
        payment.Buckets.Select(b => (b.Label, b.Sent))
            .ShouldBe([("Payment verified", 3), ("Payment not verified", 2)]);
        other.Data.As<WhatWins>().Sent.ShouldBe(0);
    }
}
