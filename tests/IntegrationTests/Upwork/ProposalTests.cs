namespace IntegrationTests.Upwork;

/// <summary>The proposal routes of docs/specification.md §1: CRUD with ownership, the pipeline's rules and its history.</summary>
public sealed class ProposalTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private async Task<(SignedInClient User, Guid JobId)> UserWithJobAsync()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title = "Blazor dashboard " + Guid.NewGuid().ToString("N")[..6], skills = new[] { "Blazor" } }));
        return (user, job.Data.As<Created>().Id);
    }

    [Fact]
    public async Task A_proposal_moves_through_the_pipeline_and_keeps_every_step_with_its_time()
    {
        var (user, jobId) = await UserWithJobAsync();
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, coverLetter = "Hello, I built three dashboards like this.", bidAmount = 1200, connectsSpent = 16, aiGenerated = true }));
        created.Status.ShouldBe(HttpStatusCode.Created);
        var proposal = created.Data.As<ProposalView>();
        var id = proposal.Id;
        proposal.Status.ShouldBe("draft");
        proposal.JobTitle.ShouldStartWith("Blazor dashboard");

        foreach (var status in new[] { "submitted", "viewed", "interviewing", "hired" })
        {
            var moved = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status }));
            moved.Status.ShouldBe(HttpStatusCode.OK);
            moved.Data.As<ProposalView>().Status.ShouldBe(status);
        }
        var backwards = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status = "viewed" }));
        backwards.Status.ShouldBe(HttpStatusCode.BadRequest);
        backwards.Errors.Single().Field.ShouldBe("status");
        backwards.Errors.Single().Message.ShouldBe("a proposal that is hired can move to archived");

        var detail = (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>();
        var history = detail.History.Select(h => (h.From, h.To)).ToList();
        history.ShouldBe([(null, "draft"), ("draft", "submitted"), ("submitted", "viewed"), ("viewed", "interviewing"), ("interviewing", "hired")]);
        detail.SubmittedAt.ShouldNotBeNull();
        detail.BidAmount.ShouldBe(1200m);
        detail.AiGenerated.ShouldBeTrue();
    }

    [Fact]
    public async Task The_list_pages_most_recently_changed_first_and_refuses_a_bad_page_size()
    {
        var (user, jobId) = await UserWithJobAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, bidAmount = 100 + i }))).Data.As<Created>().Id);
        (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{ids[0]}", new { jobPostingId = jobId, status = "submitted" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        static List<Guid> Ids(Envelope e) => e.Data.As<IReadOnlyList<Created>>().Select(p => p.Id).ToList();
        var all = Ids(await user.Http.GetEnvelopeAsync("/api/v1/upwork/proposals"));
        var first = Ids(await user.Http.GetEnvelopeAsync("/api/v1/upwork/proposals?limit=2"));
        var rest = Ids(await user.Http.GetEnvelopeAsync("/api/v1/upwork/proposals?limit=2&offset=2"));
        var last = Ids(await user.Http.GetEnvelopeAsync("/api/v1/upwork/proposals?limit=2&offset=4"));

        all.Count.ShouldBe(5);
        all[0].ShouldBe(ids[0]);                              // the one just moved comes first
        first.Concat(rest).Concat(last).ShouldBe(all);        // pages neither repeat nor skip
        Ids(await user.Http.GetEnvelopeAsync("/api/v1/upwork/proposals?status=submitted&limit=1")).ShouldBe([ids[0]]);
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=501", "limit"), ("offset=-1", "offset") })
        {
            var bad = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals?{query}");
            bad.Status.ShouldBe(HttpStatusCode.BadRequest);
            bad.Errors.Single().Field.ShouldBe(field);
        }
    }

    [Fact]
    public async Task Another_users_proposal_is_not_found_for_reading_changing_or_deleting()
    {
        var (owner, jobId) = await UserWithJobAsync();
        var other = await fixture.App.CreateSignedInClientAsync();
        var id = (await Envelope.ReadAsync(await owner.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId }))).Data.As<Created>().Id;

        (await other.Http.GetAsync($"/api/v1/upwork/proposals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status = "archived" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.DeleteAsync($"/api/v1/upwork/proposals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetEnvelopeAsync("/api/v1/upwork/proposals")).Data.As<IReadOnlyList<ProposalView>>().ShouldBeEmpty();
        // Nor can they start a proposal on the owner's private (pasted) job.
        var onForeignJob = await Envelope.ReadAsync(await other.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId }));
        onForeignJob.Status.ShouldBe(HttpStatusCode.BadRequest);
        onForeignJob.Errors.Single().Field.ShouldBe("jobPostingId");

        (await owner.Http.DeleteAsync($"/api/v1/upwork/proposals/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Http.GetAsync($"/api/v1/upwork/proposals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_proposal_input_is_a_400_naming_the_field()
    {
        var (user, jobId) = await UserWithJobAsync();
        var bad = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, bidAmount = -5, status = "won", coverLetter = new string('x', 20_001) }));
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Errors.Select(e => e.Field).ShouldBe(["coverLetter", "bidAmount", "status"], ignoreOrder: true);
    }
}
