using FakeUpwork;
using Microsoft.EntityFrameworkCore;
using Modules.Upwork.Data;

namespace IntegrationTests.Upwork;

/// <summary>Polling saved searches through the production client against the fake: exactly once, through every fault, under the limits.</summary>
public sealed class UpworkSyncTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    private static string Keyword() => "kw" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Polling_picks_up_injected_jobs_exactly_once_with_upworks_fields_mapped()
    {
        var keyword = Keyword();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var first = Enumerable.Range(0, 3).Select(_ => harness.Inject(keyword, j => { j.JobType = "HOURLY"; j.FixedAmount = null; j.HourlyMin = 20m; j.HourlyMax = 45m; })).ToList();
        var fixedJob = harness.Inject(keyword, j => { j.JobType = "FIXED"; j.FixedAmount = 750m; j.HourlyMin = null; j.HourlyMax = null; });

        var run1 = (await harness.SyncAsync(user.UserId)).Single();
        run1.Succeeded.ShouldBeTrue(run1.Error);
        run1.NewJobs.ShouldBe(4);

        var later = Enumerable.Range(0, 2).Select(_ => harness.Inject(keyword)).ToList();
        (await harness.SyncAsync(user.UserId)).Single().NewJobs.ShouldBe(2);
        (await harness.SyncAsync(user.UserId)).Single().NewJobs.ShouldBe(0);

        var all = first.Append(fixedJob).Concat(later).ToList();
        var stored = await harness.StoredJobsAsync(all.Select(j => j.Id));
        stored.Count.ShouldBe(6);
        foreach (var row in stored) harness.Discovered.CountFor(row.Id).ShouldBe(1);

        var f = stored.Single(r => r.UpworkJobId == fixedJob.Id);
        f.JobType.ShouldBe("fixed");
        f.BudgetMin.ShouldBe(750m);
        f.BudgetMax.ShouldBe(750m);
        f.Url.ShouldBe($"https://www.upwork.com/jobs/{Uri.EscapeDataString("~02" + fixedJob.Id)}");
        f.PostedAt.ShouldBe(fixedJob.PublishedDateTime, TimeSpan.FromSeconds(1));
        f.Source.ShouldBe("upwork");
        f.RawPayload.ShouldNotBeNull().ShouldContain(fixedJob.Id);
        var hourly = stored.Single(r => r.UpworkJobId == first[0].Id);
        hourly.JobType.ShouldBe("hourly");
        hourly.BudgetMin.ShouldBe(20m);
        hourly.BudgetMax.ShouldBe(45m);
        hourly.ClientInfo.ShouldNotBeNull();
    }

    /// <summary>
    /// Issue 16 changed this on purpose: identical searches used to be fetched once, with the first user's token, for
    /// everyone. Now each connected user's search is fetched with their own token (one fetch per connection and filter),
    /// and the job is still stored once and announced once.
    /// </summary>
    [Fact]
    public async Task Identical_searches_of_two_users_are_fetched_with_each_users_token_and_stored_once()
    {
        var keyword = Keyword();
        var a = await harness.ConnectedUserWithSearchAsync(keyword);
        var b = await harness.ConnectedUserWithSearchAsync(keyword.ToUpperInvariant());
        var job = harness.Inject(keyword);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(harness.App.Services);
        var sync = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Modules.Upwork.Features.SyncJobPostings.SyncJobPostings>(scope.ServiceProvider);

        var before = harness.Fake.Stats.OperationCount("marketplaceJobPostingsSearch");
        var outcomes = await sync.RunDueAsync(CancellationToken.None);
        await using var db = await harness.App.CreateDbContextAsync();
        var keys = await db.Set<SavedSearch>().Where(s => s.UserId == a.UserId || s.UserId == b.UserId).Select(s => s.FilterKey).Distinct().ToListAsync();
        keys.Count.ShouldBe(1);
        var mine = outcomes.Where(o => o.Key.StartsWith(keys[0], StringComparison.Ordinal)).ToList();
        mine.Count.ShouldBe(2);   // one per user
        mine.ShouldAllBe(o => o.Succeeded);
        mine.Sum(o => o.NewJobs).ShouldBe(1);   // stored by whichever ran first; the other's fetch found it stored
        harness.Fake.Stats.OperationCount("marketplaceJobPostingsSearch").ShouldBeGreaterThanOrEqualTo(before + 2);
        var stored = (await harness.StoredJobsAsync([job.Id])).Single();
        harness.Discovered.CountFor(stored.Id).ShouldBe(1);
    }

    // A 429 is not retried any more: it pauses every call for a minute (UpworkRateLimitTests).
    public static TheoryData<string> Faults => new() { "500", "transform-timeout", "slow", "401" };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Each_transient_fault_is_retried_and_nothing_is_lost(string fault)
    {
        var keyword = Keyword();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var jobs = Enumerable.Range(0, 3).Select(_ => harness.Inject(keyword)).ToList();
        harness.Fake.Faults.Enqueue(fault switch
        {
            "500" => FakeFault.Http500(),
            "transform-timeout" => FakeFault.TransformTimeout(),
            "slow" => FakeFault.Slow(TimeSpan.FromSeconds(5)),   // past the 2 s per-attempt timeout
            _ => FakeFault.Unauthorized(),
        });

        var outcome = (await harness.SyncAsync(user.UserId)).Single();

        outcome.Succeeded.ShouldBeTrue(outcome.Error);
        outcome.NewJobs.ShouldBe(3);
        (await harness.StoredJobsAsync(jobs.Select(j => j.Id))).Count.ShouldBe(3);
        harness.Fake.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Partial_data_keeps_the_good_nodes_and_the_sync_succeeds()
    {
        var keyword = Keyword();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var jobs = Enumerable.Range(0, 4).Select(_ => harness.Inject(keyword)).ToList();
        harness.Fake.Faults.Enqueue(FakeFault.PartialData());

        var outcome = (await harness.SyncAsync(user.UserId)).Single();

        outcome.Succeeded.ShouldBeTrue(outcome.Error);
        outcome.UnreadableNodes.ShouldBe(1);
        outcome.NewJobs.ShouldBe(3);
        (await harness.StoredJobsAsync(jobs.Select(j => j.Id))).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_sync_that_keeps_failing_reports_its_error_and_next_attempt_then_recovers_everything()
    {
        var keyword = Keyword();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var jobs = Enumerable.Range(0, 2).Select(_ => harness.Inject(keyword)).ToList();
        harness.Fake.Faults.Enqueue(FakeFault.Http500(), times: 10);

        var failed = (await harness.SyncAsync(user.UserId)).Single();
        harness.Fake.Faults.Clear();

        failed.Succeeded.ShouldBeFalse();
        failed.Error.ShouldNotBeNull().ShouldContain("500");
        var view = await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        var search = view.Data.As<ConnectionView>().Searches[0];
        search.LastError.ShouldNotBeNullOrEmpty();
        search.NextRunAt!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow);

        var recovered = (await harness.SyncAsync(user.UserId)).Single();
        recovered.Succeeded.ShouldBeTrue(recovered.Error);
        recovered.NewJobs.ShouldBe(2);
        (await harness.StoredJobsAsync(jobs.Select(j => j.Id))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_concurrent_syncs_of_the_same_search_store_and_announce_each_job_once()
    {
        var keyword = Keyword();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var jobs = Enumerable.Range(0, 12).Select(_ => harness.Inject(keyword)).ToList();

        var runs = await Task.WhenAll(harness.SyncAsync(user.UserId), harness.SyncAsync(user.UserId), harness.SyncAsync(user.UserId));

        runs.SelectMany(r => r).Sum(o => o.NewJobs).ShouldBe(12);
        var stored = await harness.StoredJobsAsync(jobs.Select(j => j.Id));
        stored.Count.ShouldBe(12);
        foreach (var row in stored) harness.Discovered.CountFor(row.Id).ShouldBe(1);
    }

    [Fact]
    public async Task A_sync_killed_mid_run_is_repeated_on_restart_without_losing_or_duplicating()
    {
        var keyword = Keyword();
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var jobs = Enumerable.Range(0, 25).Select(_ => harness.Inject(keyword)).ToList();   // three pages of 10
        harness.Fake.Faults.Enqueue(FakeFault.Slow(TimeSpan.FromMilliseconds(1500)), times: 3);

        using var kill = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Should.ThrowAsync<OperationCanceledException>(() => harness.SyncAsync(user.UserId, kill.Token));
        harness.Fake.Faults.Clear();

        var rerun = (await harness.SyncAsync(user.UserId)).Single();
        rerun.Succeeded.ShouldBeTrue(rerun.Error);
        var stored = await harness.StoredJobsAsync(jobs.Select(j => j.Id));
        stored.Count.ShouldBe(25);
        stored.Select(s => s.UpworkJobId).Distinct().Count().ShouldBe(25);
        foreach (var row in stored) harness.Discovered.CountFor(row.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Rows_stored_but_never_announced_before_a_crash_are_announced_once_on_the_next_sweep()
    {
        var id = Guid.CreateVersion7();
        await using (var db = await harness.App.CreateDbContextAsync())
        {
            db.Set<JobPosting>().Add(new JobPosting
            {
                Id = id, UpworkJobId = "1" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999), Title = "Left unannounced",
                ContentHash = "x", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5), UpdatedAt = DateTimeOffset.UtcNow, PostedAt = DateTimeOffset.UtcNow,
            });
            // What the ingest transaction commits with every new row; only a published announcement deletes it.
            db.Set<UnannouncedJobPosting>().Add(new UnannouncedJobPosting { JobPostingId = id, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
            await db.SaveChangesAsync();
        }
        var ingest = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Modules.Upwork.Postings.IngestJobPostings>(harness.App.Services);
        (await ingest.AnnounceMissedAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        await ingest.AnnounceMissedAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        harness.Discovered.CountFor(id).ShouldBe(1);
    }
}

/// <summary>Token lifetimes on the fake's clock: expiry, refresh with rotation, and a refused refresh.</summary>
public sealed class UpworkTokenTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_with_rotation_and_a_dead_refresh_token_asks_to_reconnect()
    {
        var keyword = "tok" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        harness.Inject(keyword);
        string? SealedRefresh() { using var db = harness.App.CreateDbContextAsync().GetAwaiter().GetResult(); return db.Set<UpworkConnection>().AsNoTracking().Single(c => c.UserId == user.UserId).RefreshToken; }
        var refreshBefore = SealedRefresh();

        // Upwork's clock moves a day on: our access token is dead there, though we have not noticed.
        harness.Fake.Clock.Advance(TimeSpan.FromHours(25));
        var tokenRequests = harness.Fake.Stats.TokenRequests;
        var outcome = (await harness.SyncAsync(user.UserId)).Single();
        outcome.Succeeded.ShouldBeTrue(outcome.Error);
        outcome.NewJobs.ShouldBe(1);
        harness.Fake.Stats.TokenRequests.ShouldBe(tokenRequests + 1);
        SealedRefresh().ShouldNotBe(refreshBefore);   // the rotated refresh token was stored

        // Fifteen days without use: the refresh token is gone; the connection says so instead of failing silently.
        harness.Fake.Clock.Advance(TimeSpan.FromDays(15));
        var failed = (await harness.SyncAsync(user.UserId)).Single();
        failed.Succeeded.ShouldBeFalse();
        var view = await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        view.Data.As<ConnectionView>().Account!.TokenHealth.ShouldBe("reconnect");
    }
}
