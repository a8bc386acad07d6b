using Modules.Analytics.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Analytics.Data;

namespace IntegrationTests.Analytics;

public sealed class PostgresRollupTests(PostgresApp fixture) : RollupTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteRollupTests(SqliteApp fixture) : RollupTests(fixture), IClassFixture<SqliteApp>;

/// <summary>
/// The daily rollups the dashboard reads: kept up to date by each proposal change, equal to a rebuild from scratch,
/// idempotent, and carrying the saved search that found each job.
/// </summary>
public abstract class RollupTests(AppFixture fixture)
{
    private AppFactory App => fixture.App;

    private static async Task<(Guid Id, Guid JobId)> ProposalAsync(SignedInClient user, string title, params string[] statuses)
    {
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title, budgetMax = 1500, jobType = "fixed" }));
        var jobId = job.Data.As<Created>().Id;
        var id = (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, connectsSpent = 6, bidAmount = 700 })))
            .Data.As<Created>().Id;
        foreach (var status in statuses)
            (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (id, jobId);
    }

    private async Task<List<string>> RowsAsync(Guid userId)
    {
        await using var db = await App.CreateDbContextAsync();
        return (await db.ProposalRollups().AsNoTracking().Where(r => r.UserId == userId).ToListAsync())
            .Select(r => $"{r.Day:yyyy-MM-dd}|{r.Dimension}|{r.Bucket}|{r.Sent}|{r.Viewed}|{r.Replied}|{r.Hired}|{r.Connects}|{r.Revenue:0.00}|{r.QualityCount}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(string Label, int Sent, int Won)> WinRates(Envelope e) =>
        e.Data.As<IReadOnlyList<Breakdown>>().Select(b => (b.Label, b.Sent, b.Won));

    [Fact]
    public async Task Each_change_updates_the_rollups_to_exactly_what_a_rebuild_from_scratch_gives()
    {
        var user = await App.CreateSignedInClientAsync();
        var userId = user.UserId;
        await ProposalAsync(user, $"Rollup won {Guid.NewGuid():N}", "submitted", "viewed", "hired");
        var (open, openJob) = await ProposalAsync(user, $"Rollup open {Guid.NewGuid():N}", "submitted");
        var (gone, _) = await ProposalAsync(user, $"Rollup deleted {Guid.NewGuid():N}", "submitted");
        await ProposalAsync(user, $"Rollup draft {Guid.NewGuid():N}");
        (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{open}", new { jobPostingId = openJob, status = "interviewing" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.DeleteAsync($"/api/v1/upwork/proposals/{gone}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var incremental = await RowsAsync(userId);
        var total = incremental.Single(r => r.Contains("|total|", StringComparison.Ordinal)).Split('|');
        total[3..8].ShouldBe(["2", "2", "2", "1", "12"]);     // sent, viewed, replied, hired, Connects: the deleted one is gone
        incremental.Single(r => r.Contains("|hired_on|", StringComparison.Ordinal)).ShouldEndWith("|700.00|0");

        using (var scope = App.Services.CreateScope())
        {
            var rollups = scope.ServiceProvider.GetRequiredService<ProposalRollups>();
            await rollups.RebuildAllAsync(CancellationToken.None);
            (await RowsAsync(userId)).ShouldBe(incremental);
            await rollups.ApplyAsync(userId, null, CancellationToken.None);      // and again: nothing doubles
            await rollups.ApplyAsync(userId, [open], CancellationToken.None);
            (await RowsAsync(userId)).ShouldBe(incremental);
        }
        // The team's summed rows equal the sum of every member's rows, after changes and after a rebuild alike.
        await using (var db = await App.CreateDbContextAsync())
        {
            var rows = await db.ProposalRollups().AsNoTracking().ToListAsync();
            var team = rows.Where(r => r.UserId == ProposalRollups.Team).ToDictionary(r => (r.Day, r.Dimension, r.Bucket), r => (r.Sent, r.Hired, r.Connects, r.Revenue));
            var summed = rows.Where(r => r.UserId != ProposalRollups.Team).GroupBy(r => (r.Day, r.Dimension, r.Bucket))
                .ToDictionary(g => g.Key, g => (g.Sum(r => r.Sent), g.Sum(r => r.Hired), g.Sum(r => r.Connects), g.Sum(r => r.Revenue)));
            team.ShouldBe(summed, ignoreOrder: true);
        }
        var dashboard = await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard");
        dashboard.Data.As<Dashboard>().Funnel.Select(f => f.Count).Skip(2).ShouldBe([2, 2, 2, 1]);
    }

    [Fact]
    public async Task Win_rates_name_the_saved_search_that_found_the_job_and_how_fast_the_client_answered()
    {
        var user = await App.CreateSignedInClientAsync();
        var keyword = "rollup" + Guid.NewGuid().ToString("N")[..8];
        (await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = "Rollup search", query = keyword, alertsEnabled = false }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await ProposalAsync(user, $"Build a {keyword} dashboard", "submitted", "viewed", "hired");
        await ProposalAsync(user, $"Unrelated work {Guid.NewGuid():N}", "submitted");

        var bySearch = WinRates(await user.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=search")).ToList();
        var byResponse = WinRates(await user.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=response")).ToList();
        var bySpeed = WinRates(await user.Http.GetEnvelopeAsync("/api/v1/analytics/proposals?groupBy=speed")).ToList();

        bySearch.ShouldBe([("Rollup search", 1, 1), (Dimensions.NoSearch, 1, 0)], ignoreOrder: true);
        byResponse.ShouldBe([("Within an hour", 1, 1), (Dimensions.NoResponse, 1, 0)]);     // viewed at once in the test
        bySpeed.Sum(b => b.Sent).ShouldBe(2);
    }

    [Fact]
    public async Task An_erased_account_leaves_no_rollup_behind()
    {
        var user = await App.CreateSignedInClientAsync();
        var userId = user.UserId;
        await ProposalAsync(user, $"Erase me {Guid.NewGuid():N}", "submitted");
        (await RowsAsync(userId)).ShouldNotBeEmpty();

        await using (var scope = App.Services.CreateAsyncScope())
            foreach (var part in scope.ServiceProvider.GetServices<Contracts.Identity.IPersonalDataContributor>())
                await part.EraseAsync(userId, CancellationToken.None);

        (await RowsAsync(userId)).ShouldBeEmpty();
        await using var db = await App.CreateDbContextAsync();
        (await db.ProposalFacts().CountAsync(f => f.UserId == userId)).ShouldBe(0);
    }
}
