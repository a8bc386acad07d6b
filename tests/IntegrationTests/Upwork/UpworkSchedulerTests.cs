namespace IntegrationTests.Upwork;

/// <summary>With background work on, the Quartz poller finds due searches by itself, and the sync shows up in /metrics.</summary>
public sealed class UpworkSchedulerTests(UpworkSchedulerTests.Harness harness) : IClassFixture<UpworkSchedulerTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        protected override DatabaseKind Database => DatabaseKind.Sqlite;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true",
            ["Upwork:SchedulerTick"] = "00:00:01",
        };
    }

    [Fact]
    public async Task The_scheduled_poller_brings_in_a_new_saved_searchs_jobs_and_counts_them_in_metrics()
    {
        var keyword = "sched" + Guid.NewGuid().ToString("N")[..8];
        var jobs = Enumerable.Range(0, 2).Select(_ => harness.Inject(keyword)).ToList();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);

        await Eventually.HoldsAsync(async () => (await harness.StoredJobsAsync(jobs.Select(j => j.Id))).Count == 2,
            "the scheduler to store both jobs of the new saved search", TimeSpan.FromSeconds(45));

        // The run finishes by noting the time on the connection, just after storing the jobs.
        await Eventually.HoldsAsync(async () => (await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data
            .As<ConnectionView>().Account!.LastSyncAt is not null, "the run to note its time on the connection");
        var metrics = await harness.App.CreateClient().GetStringAsync("/metrics");
        metrics.ShouldContain("upwork_sync_runs_total{result=\"ok\"}");
        metrics.ShouldContain("upwork_jobs_ingested_total{source=\"upwork\"}");
        metrics.ShouldContain("upwork_requests_total{operation=\"SearchJobs\",status=\"200\"}");
    }
}
