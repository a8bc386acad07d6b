using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace IntegrationTests.Upwork;

/// <summary>A job injected into the fake Upwork reaches the matching user's alert queue and hub client only, with an explanation.</summary>
public sealed class AlertTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    [Fact]
    public async Task A_matching_job_alerts_its_user_live_and_in_the_queue_and_nobody_else()
    {
        var keyword = "alert" + Guid.NewGuid().ToString("N")[..8];
        var alice = await harness.ConnectedUserWithSearchAsync(keyword);
        var bobsKeyword = "nomatch" + Guid.NewGuid().ToString("N")[..8];
        var bob = await harness.ConnectedUserWithSearchAsync(bobsKeyword);
        var aliceGot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bobGot = new ConcurrentQueue<JsonElement>();
        await using var aliceHub = harness.Hub(alice);
        await using var bobHub = harness.Hub(bob);
        aliceHub.On<JsonElement>("new_job", m => aliceGot.TrySetResult(m));
        bobHub.On<JsonElement>("new_job", bobGot.Enqueue);
        await aliceHub.StartAsync();
        await bobHub.StartAsync();

        var job = harness.Inject(keyword);
        (await harness.SyncAsync(alice.UserId)).Single().NewJobs.ShouldBe(1);

        var pushed = await aliceGot.Task.WaitAsync(TimeSpan.FromSeconds(20));
        pushed.As<HubJob>().Title.ShouldBe(job.Title);
        var queue = await alice.Http.GetEnvelopeAsync("/api/v1/upwork/notifications");
        var alerts = queue.Data.As<AlertList>();
        alerts.Unread.ShouldBe(1);
        alerts.Items[0].Title.ShouldBe(job.Title);
        alerts.Items[0].Kind.ShouldBe("new_job");

        (await bob.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(0);
        // Absence shown by a later event on the same path: Bob's own job reaches his hub, and Alice's never came before it.
        var bobsJob = harness.Inject(bobsKeyword);
        (await harness.SyncAsync(bob.UserId)).Single().NewJobs.ShouldBe(1);
        await Eventually.HoldsAsync(() => !bobGot.IsEmpty, "Bob's own job on his hub");
        bobGot.Select(m => m.As<HubJob>().Title).ShouldBe([bobsJob.Title]);

        // The same job announced again (a crash-recovery sweep) alerts nobody twice.
        (await harness.SyncAsync(alice.UserId)).Single().NewJobs.ShouldBe(0);
        (await alice.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_matched_job_that_changes_on_upwork_reaches_its_users_hub_as_job_updated()
    {
        var keyword = "upd" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var job = harness.Inject(keyword);
        await harness.SyncAsync(user.UserId);
        var updated = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = harness.Hub(user);
        hub.On<JsonElement>("job_updated", m => updated.TrySetResult(m));
        await hub.StartAsync();

        harness.Fake.State.FindJob(job.Id)!.TotalApplicants += 7;   // more competition: the job's content changed on Upwork
        var outcome = (await harness.SyncAsync(user.UserId)).Single();

        outcome.UpdatedJobs.ShouldBe(1);
        var message = await updated.Task.WaitAsync(TimeSpan.FromSeconds(20));
        message.As<HubJob>().Title.ShouldBe(job.Title);
    }

    [Fact]
    public async Task Alerts_missed_while_away_wait_in_the_queue_and_can_be_marked_read()
    {
        var keyword = "away" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var other = await harness.App.CreateSignedInClientAsync();
        for (var i = 0; i < 3; i++) harness.Inject(keyword);
        await harness.SyncAsync(user.UserId);   // nobody is connected: no page, no hub client

        var queue = await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications?unreadOnly=true");
        var waiting = queue.Data.As<AlertList>();
        waiting.Unread.ShouldBe(3);
        var first = waiting.Items[0].Id;

        (await other.Http.PostAsync($"/api/v1/upwork/notifications/{first}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await user.Http.PostAsync($"/api/v1/upwork/notifications/{first}/read", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(2);
        (await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/upwork/notifications/read-all", null))).Data.As<MarkedRead>().Marked.ShouldBe(2);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(0);
    }

    [Fact]
    public async Task Explain_says_per_criterion_why_a_job_did_or_did_not_match()
    {
        var keyword = "why" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.App.CreateSignedInClientAsync();
        await harness.ConnectAsync(user);
        var search = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches",
            new { name = "Big fixed jobs", query = keyword, jobType = "fixed", budgetMin = 500 }));
        harness.Inject(keyword, j => { j.JobType = "FIXED"; j.FixedAmount = 300m; j.HourlyMin = null; j.HourlyMax = null; });
        await harness.SyncAsync(user.UserId);
        var jobs = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={keyword}");
        var jobId = jobs.Data.As<JobPage>().Items[0].Id;
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(0);

        var explained = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{jobId}/explain");
        var result = explained.Data.As<IReadOnlyList<SearchExplanation>>()[0];
        result.SavedSearchId.ShouldBe(search.Data.As<Created>().Id);
        result.Matched.ShouldBeFalse();
        var budget = result.Criteria.Single(c => c.Criterion == "budget");
        budget.Passed.ShouldBeFalse();
        budget.Reason.ShouldBe("budget $300 below your minimum $500");

        (await user.Http.GetAsync($"/api/v1/upwork/jobs/{Guid.NewGuid()}/explain")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
