using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;

namespace IntegrationTests.Analytics;

public sealed class PostgresJobsFoundTests(PostgresApp fixture) : JobsFoundTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteJobsFoundTests(SqliteApp fixture) : JobsFoundTests(fixture), IClassFixture<SqliteApp>;

/// <summary>
/// "Jobs found" on a user's dashboard: every job that reached them through the real ingest path (here, their own
/// connection's fetch) is counted once, plus the demo jobs everyone sees, called out. Jobs that reached only other
/// users are not theirs to count (issue 16).
/// </summary>
public abstract class JobsFoundTests(AppFixture fixture)
{
    private static async Task<(int Found, int Demo)> CountsAsync(AppFixture fixture, SignedInClient? user = null)
    {
        user ??= await fixture.App.CreateSignedInClientAsync();    // a fresh cache key
        var dashboard = await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard");
        dashboard.Status.ShouldBe(HttpStatusCode.OK, dashboard.Root.ToString());
        var found = dashboard.Data.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "jobs_found").GetProperty("value").GetInt32();
        return (found, dashboard.Data.GetProperty("demoJobsFound").GetInt32());
    }

    [Fact]
    public async Task Jobs_ingested_by_concurrent_syncs_are_each_counted_once_and_demo_jobs_are_called_out()
    {
        var (found0, demo0) = await CountsAsync(fixture);   // a user who found nothing: the demo jobs only
        var me = await fixture.App.CreateSignedInClientAsync();
        var bystander = await fixture.App.CreateSignedInClientAsync();
        var fetch = new JobGrant(me.UserId, "fetch");
        var ingest = fixture.App.Services.GetRequiredService<IngestJobPostings>();
        var random = new Random(11);
        var now = DateTimeOffset.UtcNow;
        // Four syncs at once, each a batch of 30 Upwork jobs and 10 demo jobs; the last one re-sends a batch already stored.
        var batches = Enumerable.Range(0, 4).Select(b => Enumerable.Range(0, 40)
            .Select(i => DemoJobGenerator.Create(random, now) with { SourceId = $"found:{b}:{i}:{Guid.NewGuid():N}", Source = i < 30 ? "upwork" : "demo", IsDemo = i >= 30 })
            .ToList()).ToList();

        await Task.WhenAll(batches.Select(b => Task.Run(() => ingest.RunAsync(b, CancellationToken.None, fetch))));
        await ingest.RunAsync(batches[0], CancellationToken.None, fetch);

        var (found, demo) = await CountsAsync(fixture, me);
        found.ShouldBe(found0 + 160);
        demo.ShouldBe(demo0 + 40);
        (await CountsAsync(fixture, bystander)).Found.ShouldBe(found0 + 40);   // the demo jobs, not my connection's
    }
}
