using FakeUpwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;

namespace IntegrationTests.Upwork;

/// <summary>Submitting through Upwork: only confirmed, only with the permission, claimed once, never retried, every question answered.</summary>
public sealed class SubmitProposalTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    internal const string Letter = "I have built this twice before; here is how I would start.";

    [Fact]
    public async Task A_confirmed_submission_reaches_upwork_once_and_a_second_one_is_refused()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);   // connected after the scope change: its token carries the permission
        var unconfirmed = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = false }));
        unconfirmed.Status.ShouldBe(HttpStatusCode.BadRequest);
        unconfirmed.Errors.Single().Field.ShouldBe("confirm");
        var before = harness.Fake.Stats.OperationCount("createJobProposal");

        var submitted = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());
        submitted.Data.As<ProposalView>().Status.ShouldBe("submitted");
        var remote = harness.Fake.State.Proposals.Single(p => p.JobId == job.Id);
        remote.CoverLetter.ShouldBe(Letter);
        remote.Status.ShouldBe("Pending");

        var again = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        again.Status.ShouldBe(HttpStatusCode.Conflict);
        harness.Fake.Stats.OperationCount("createJobProposal").ShouldBe(before + 1);
        harness.Fake.State.Proposals.Count(p => p.JobId == job.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Without_the_permission_the_draft_stays_and_when_upwork_fails_it_is_unconfirmed_and_never_retried()
    {
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);   // the default key lacks Submit Proposal
        var denied = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        denied.Message.ShouldContain("Submit Proposal permission");
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("draft");

        // The screening-question check goes through untouched; the mutation itself meets a 500: the outcome is unknown.
        harness.Fake.Faults.Enqueue(FakeFault.Slow(TimeSpan.Zero));
        harness.Fake.Faults.Enqueue(FakeFault.Http500());
        var before = harness.Fake.Stats.GraphQlRequests;
        var failed = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        failed.Status.ShouldBe(HttpStatusCode.BadGateway);
        failed.Message.ShouldContain("Check your proposals on Upwork");
        harness.Fake.Stats.GraphQlRequests.ShouldBe(before + 2);   // the check and one attempt: a 500 is not retried for a submission
        // Issue 16: an unknown outcome is no longer a draft (which a second click would send again) but "unconfirmed".
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("unconfirmed");
        var again = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        again.Status.ShouldBe(HttpStatusCode.Conflict);
        again.Message.ShouldContain("check Upwork");
        harness.Fake.State.Proposals.ShouldNotContain(p => p.JobId == job.Id);

        // The user checked Upwork and it is not there: back to draft, by hand only.
        var back = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = Guid.Empty, status = "draft" }));
        back.Status.ShouldBe(HttpStatusCode.OK, back.Root.GetRawText());
        back.Data.As<ProposalView>().Status.ShouldBe("draft");
    }

    [Fact]
    public async Task The_status_sync_settles_an_unconfirmed_submission_it_finds_on_upwork()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);
        harness.Fake.Faults.Enqueue(FakeFault.Slow(TimeSpan.Zero));
        harness.Fake.Faults.Enqueue(FakeFault.Http500());
        (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }))).Status.ShouldBe(HttpStatusCode.BadGateway);

        // It did arrive after all (as a 500 after the fact can mean): the sync finds it and moves it on.
        var remote = harness.Fake.State.AddProposal(job.Id);
        await harness.App.Services.GetRequiredService<Modules.Upwork.Features.TrackProposals.SyncProposalStatuses>().SyncUserAsync(user.UserId, CancellationToken.None);
        var detail = (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>();
        detail.Status.ShouldBe("submitted");
        detail.History.Select(h => (h.To, h.Source))
            .ShouldBe([("draft", "user"), ("unconfirmed", "upwork-api"), ("submitted", "upwork")]);
        await using var db = await harness.App.CreateDbContextAsync();
        (await db.Set<Proposal>().SingleAsync(p => p.Id == id)).UpworkProposalId.ShouldBe(remote.Id);
    }

    [Fact]
    public async Task Concurrent_submits_send_exactly_one_createJobProposal()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);
        var before = harness.Fake.Stats.OperationCount("createJobProposal");
        // Every Upwork answer is slowed so all clicks are past their checks while the first call is still in flight.
        harness.Fake.Faults.Enqueue(FakeFault.Slow(TimeSpan.FromMilliseconds(300)), 10);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }))));
        harness.Fake.Faults.Clear();

        clicks.Count(c => c.Status == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", clicks.Select(c => c.Root.GetRawText())));
        clicks.Where(c => c.Status != HttpStatusCode.OK).ShouldAllBe(c => c.Status == HttpStatusCode.Conflict);
        harness.Fake.Stats.OperationCount("createJobProposal").ShouldBe(before + 1);
        harness.Fake.State.Proposals.Count(p => p.JobId == job.Id).ShouldBe(1);
        var history = (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().History
            .Select(h => h.To).ToList();
        history.ShouldBe(["draft", "submitted"]);
    }

    [Fact]
    public async Task Screening_questions_are_read_live_answered_and_sent_with_the_proposal()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        string[] questions = ["Describe your recent experience with similar projects", "Include a link to your portfolio or GitHub"];
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App, questions);

        var read = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}/screening-questions");
        read.Status.ShouldBe(HttpStatusCode.OK, read.Root.GetRawText());
        var asked = read.Data.As<ScreeningQuestions>().Questions;
        asked.Select(q => q.Question).ShouldBe(questions);
        asked.Select(q => q.SequenceNumber).ShouldBe([0, 1]);
        asked.ShouldAllBe(q => !string.IsNullOrWhiteSpace(q.DraftAnswer));   // the offline writer's drafts
        var stranger = await harness.App.CreateSignedInClientAsync();
        (await stranger.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}/screening-questions")).Status.ShouldBe(HttpStatusCode.NotFound);

        var before = harness.Fake.Stats.OperationCount("createJobProposal");
        var unanswered = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit",
            new { confirm = true, answers = new[] { new { question = questions[0], answer = "Three similar shops, last one in May." } } }));
        unanswered.Status.ShouldBe(HttpStatusCode.BadRequest);
        unanswered.Errors.Single().Field.ShouldBe("answers");
        unanswered.Errors.Single().Message.ShouldContain(questions[1]);
        harness.Fake.Stats.OperationCount("createJobProposal").ShouldBe(before);   // nothing sent without every answer

        var submitted = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new
        {
            confirm = true,
            answers = new object[]
            {
                new { question = questions[0], answer = "Three similar shops, last one in May." },
                new { sequenceNumber = 1, answer = "https://github.com/example" },
            },
        }));
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());
        var remote = harness.Fake.State.Proposals.Single(p => p.JobId == job.Id);
        remote.Questions.ShouldBe(questions);
        remote.Answers.ShouldBe(["Three similar shops, last one in May.", "https://github.com/example"]);
    }

    [Fact]
    public async Task A_refusal_given_only_in_errors_is_shown_and_the_proposal_is_a_draft_again()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);
        harness.Fake.State.FindJob(job.Id)!.Status = "CLOSED";

        var refused = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity, refused.Root.GetRawText());
        refused.Message.ShouldContain("no longer accepting proposals");
        refused.Message.ShouldNotContain("no reason given");
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("draft");
    }

    [Fact]
    public async Task A_connection_needing_reconnect_answers_409_and_a_failing_token_renewal_409_or_503_never_500()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, _, id) = await SubmitDrafts.DraftAsync(harness, harness.App);
        var before = harness.Fake.Stats.OperationCount("createJobProposal");

        await SetConnectionAsync(user.UserId, c => { c.Status = ConnectionStatus.Reconnect; c.LastError = "Upwork revoked the authorization; connect again."; });
        var reconnect = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        reconnect.Status.ShouldBe(HttpStatusCode.Conflict);
        reconnect.Success.ShouldBeFalse();
        reconnect.Message.ShouldContain("Reconnect Upwork");
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}/screening-questions")).Status.ShouldBe(HttpStatusCode.Conflict);

        // The access token is due and the token endpoint refuses the renewal (the key's secret no longer matches).
        await SetConnectionAsync(user.UserId, c => { c.Status = ConnectionStatus.Active; c.LastError = null; c.AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddHours(-1); });
        harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.ClientSecret = "rotated-secret");
        try
        {
            var oauth = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
            // 503 while an invalid_client is only an OAuth error; 409 "reconnect" once it marks the connection (issue 16, part 1).
            oauth.Status.ShouldBeOneOf(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Conflict);
            oauth.Success.ShouldBeFalse();
            oauth.Message.ShouldNotBeNullOrWhiteSpace();
        }
        finally
        {
            harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.ClientSecret = FakeUpworkOptions.DefaultClientSecret);
        }
        harness.Fake.Stats.OperationCount("createJobProposal").ShouldBe(before);
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("draft");
    }

    private async Task SetConnectionAsync(Guid userId, Action<UpworkConnection> change)
    {
        await using var db = await harness.App.CreateDbContextAsync();
        var connection = await db.Set<UpworkConnection>().SingleAsync(c => c.UserId == userId);
        change(connection);
        await db.SaveChangesAsync();
    }
}

/// <summary>Drafts ready to submit, on any app instance pointed at the harness's fake.</summary>
internal static class SubmitDrafts
{
    public static async Task<(SignedInClient User, FakeJob Job, Guid ProposalId)> DraftAsync(UpworkHarness harness, AppFactory app, string[]? questions = null)
    {
        var keyword = "sub" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword, app);
        var job = harness.Inject(keyword, j => j.ScreeningQuestions = [.. questions ?? []]);
        await harness.SyncAsync(user.UserId, app: app);
        await using var db = await app.CreateDbContextAsync();
        var jobId = await db.Set<JobPosting>().Where(j => j.UpworkJobId == job.Id).Select(j => j.Id).SingleAsync();
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, coverLetter = SubmitProposalTests.Letter, bidAmount = 45, connectsSpent = 12 }));
        return (user, job, created.Data.As<Created>().Id);
    }
}

/// <summary>Gives the fake's default key the Submit Proposal permission until disposed (users connected meanwhile keep it).</summary>
internal sealed class SubmitPermission : IAsyncDisposable
{
    private readonly FakeUpworkServer _fake;

    private SubmitPermission(FakeUpworkServer fake) => _fake = fake;

    public static SubmitPermission Grant(FakeUpworkServer fake)
    {
        fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.Scopes.Add(FakeScopes.SubmitProposal));
        return new SubmitPermission(fake);
    }

    public ValueTask DisposeAsync()
    {
        _fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.Scopes.Remove(FakeScopes.SubmitProposal));
        return ValueTask.CompletedTask;
    }
}

/// <summary>The write page's answers (issue 21, part 5): the job's questions read live, the answers kept with the draft and carried into the submit dialog.</summary>
public sealed class ScreeningAnswersCarriedTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    [Fact]
    public async Task Answers_saved_with_the_draft_fill_the_submit_dialog_and_reach_upwork()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        string[] questions = ["Describe your recent experience with similar projects", "Include a link to your portfolio or GitHub"];
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App, questions);
        Guid jobId;
        await using (var db = await harness.App.CreateDbContextAsync())
            jobId = await db.Set<JobPosting>().Where(j => j.UpworkJobId == job.Id).Select(j => j.Id).SingleAsync();
        var services = harness.App.Services;

        // The writer sees the job's questions as Upwork has them now; a stranger sees none.
        (await services.GetRequiredService<Contracts.Upwork.IJobScreeningQuestions>().ForJobAsync(user.UserId, jobId, CancellationToken.None)).ShouldBe(questions);
        var stranger = await harness.App.CreateSignedInClientAsync();
        (await services.GetRequiredService<Contracts.Upwork.IJobScreeningQuestions>().ForJobAsync(stranger.UserId, jobId, CancellationToken.None)).ShouldBeEmpty();

        // The write page saves the letter with the user's answers; the dialog starts from them, and they are what Upwork receives.
        string[] answers = ["Three similar shops, the last one in May.", "https://github.com/example"];
        (await services.GetRequiredService<Contracts.Upwork.IUpworkProposals>().SaveDraftAsync(user.UserId, jobId, SubmitProposalTests.Letter, true, CancellationToken.None,
            [.. questions.Select((q, i) => new Contracts.Upwork.ScreeningAnswerText(q, answers[i]))])).ShouldBe(id);
        var read = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}/screening-questions");
        var kept = read.Data.As<ScreeningQuestions>();
        kept.Questions.Select(q => q.DraftAnswer).ShouldBe(answers);
        kept.DraftedBy!.ShouldContain("kept with this draft");

        var submitted = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit",
            new { confirm = true, answers = questions.Select((q, i) => new { question = q, answer = answers[i] }).ToArray() }));
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());
        var remote = harness.Fake.State.Proposals.Single(p => p.JobId == job.Id);
        remote.Questions.ShouldBe(questions);
        remote.Answers.ShouldBe(answers);
    }
}
