using FakeUpwork;

namespace IntegrationTests.Upwork;

/// <summary>Submitting through Upwork: only confirmed, only with the permission, exactly once, never retried.</summary>
public sealed class SubmitProposalTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    private async Task<(SignedInClient User, FakeJob Job, Guid ProposalId)> DraftAsync()
    {
        var keyword = "sub" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var job = harness.Inject(keyword);
        await harness.SyncAsync(user.UserId);
        var jobId = (await harness.StoredJobsAsync([job.Id])).Single().Id;
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, coverLetter = "I have built this twice before; here is how I would start.", bidAmount = 45, connectsSpent = 12 }));
        return (user, job, created.Data.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_confirmed_submission_reaches_upwork_once_and_a_second_one_is_refused()
    {
        harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.Scopes.Add(FakeScopes.SubmitProposal));
        try
        {
            var (user, job, id) = await DraftAsync();   // connected after the scope change: its token carries the permission
            var unconfirmed = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = false }));
            unconfirmed.Status.ShouldBe(HttpStatusCode.BadRequest);
            unconfirmed.Errors.Single().Field.ShouldBe("confirm");
            var before = harness.Fake.Stats.OperationCount("createJobProposal");

            var submitted = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
            submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());
            submitted.Data.GetProperty("status").GetString().ShouldBe("submitted");
            var remote = harness.Fake.State.Proposals.Single(p => p.JobId == job.Id);
            remote.CoverLetter.ShouldBe("I have built this twice before; here is how I would start.");
            remote.Status.ShouldBe("Pending");

            var again = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
            again.Status.ShouldBe(HttpStatusCode.Conflict);
            harness.Fake.Stats.OperationCount("createJobProposal").ShouldBe(before + 1);
            harness.Fake.State.Proposals.Count(p => p.JobId == job.Id).ShouldBe(1);
        }
        finally
        {
            harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.Scopes.Remove(FakeScopes.SubmitProposal));
        }
    }

    [Fact]
    public async Task Without_the_permission_or_when_upwork_fails_nothing_is_retried_and_the_draft_stays()
    {
        var (user, job, id) = await DraftAsync();   // the default key lacks Submit Proposal
        var denied = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        denied.Message.ShouldContain("Submit Proposal permission");

        harness.Fake.Faults.Enqueue(FakeFault.Http500());
        var before = harness.Fake.Stats.GraphQlRequests;
        var failed = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        failed.Status.ShouldBe(HttpStatusCode.BadGateway);
        harness.Fake.Stats.GraphQlRequests.ShouldBe(before + 1);   // one attempt: a 500 is not retried for a submission
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.GetProperty("status").GetString().ShouldBe("draft");
        harness.Fake.State.Proposals.ShouldNotContain(p => p.JobId == job.Id);
    }
}
