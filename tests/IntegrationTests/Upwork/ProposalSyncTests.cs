using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;
using Modules.Upwork.Features.TrackProposals;

namespace IntegrationTests.Upwork;

/// <summary>Proposal statuses read from the fake Upwork move local proposals forward, with history; follow-ups remind once.</summary>
public sealed class ProposalSyncTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    [Fact]
    public async Task Upwork_status_changes_move_the_local_proposal_forward_with_history_marked_upwork()
    {
        var keyword = "prop" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var upworkJob = harness.Inject(keyword);
        await harness.SyncAsync(user.UserId);
        var jobId = (await harness.StoredJobsAsync([upworkJob.Id])).Single().Id;
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, status = "submitted" }));
        var id = created.Data.As<Created>().Id;
        var sync = harness.App.Services.GetRequiredService<SyncProposalStatuses>();

        // Pending on Upwork is where the proposal already is; Upwork's API has no "viewed" signal, so nothing moves.
        var remote = harness.Fake.State.AddProposal(new FakeUpwork.FakeProposal { JobId = upworkJob.Id, Status = "Pending" });
        (await sync.SyncUserAsync(user.UserId, CancellationToken.None)).ShouldBe(0);
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("submitted");

        harness.Fake.State.SetProposalStatus(remote.Id, "Hired");
        (await sync.SyncUserAsync(user.UserId, CancellationToken.None)).ShouldBe(1);
        (await sync.SyncUserAsync(user.UserId, CancellationToken.None)).ShouldBe(0);   // nothing new: nothing recorded twice

        var detail = (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>();
        detail.Status.ShouldBe("hired");
        var history = detail.History.Select(h => (h.To, h.Source)).ToList();
        history.ShouldBe([("submitted", "user"), ("hired", "upwork")]);
    }

    [Fact]
    public async Task A_follow_up_date_that_has_come_alerts_its_owner_once()
    {
        var user = await harness.App.CreateSignedInClientAsync();
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = "Follow me up", skills = Array.Empty<string>() }));
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = job.Data.As<Created>().Id, status = "submitted", followUpAt = DateTimeOffset.UtcNow.AddMinutes(-1) }));
        created.Status.ShouldBe(HttpStatusCode.Created);
        var remind = harness.App.Services.GetRequiredService<RemindFollowUps>();

        (await remind.RunAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        await remind.RunAsync(CancellationToken.None);

        var queue = await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications");
        var followUps = queue.Data.As<AlertList>().Items.Where(i => i.Kind == "follow_up").ToList();
        followUps.Count.ShouldBe(1);
        followUps[0].Title.ShouldBe("Follow up: Follow me up");
    }
}
