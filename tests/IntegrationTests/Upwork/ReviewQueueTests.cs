using System.Net.Http.Headers;
using Contracts.Identity;

namespace IntegrationTests.Upwork;

/// <summary>
/// Issue 24, the approval queue over the API on PostgreSQL with the fake Upwork: an admin requires review, a bidder
/// cannot send an unapproved letter by any route, sends it for review with screening answers, a reviewer returns it
/// with a comment and then edits and approves it (a second decision loses), the bidder's alerts say so, an edit after
/// approval needs a new one, and the reviewer submits the approved letter through the fake Upwork; each step is in the
/// proposal's history and the audit log.
/// </summary>
public sealed class ReviewQueueTests(ReviewHarness harness) : IClassFixture<ReviewHarness>
{
    private const string Edited = "I built two booking systems like yours; I would start with your calendar sync.";

    [Fact]
    public async Task A_bidders_letter_goes_out_only_as_a_reviewer_approved_it_and_the_reviewer_submits_it_through_upwork()
    {
        var admin = await harness.AdminAsync();
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (bidder, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);   // a new account is a bidder
        var reviewer = await MemberWithRoleAsync(admin, Roles.Reviewer);
        (await admin.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { required = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // No route sends an unapproved letter: Submit via Upwork, nor marking it sent.
        var direct = await Envelope.ReadAsync(await bidder.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        direct.Status.ShouldBe(HttpStatusCode.Conflict);
        direct.Message.ShouldContain("send it for review");
        var marked = await Envelope.ReadAsync(await bidder.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = Guid.Empty, status = "submitted" }));
        marked.Status.ShouldBe(HttpStatusCode.BadRequest);

        var sent = await Envelope.ReadAsync(await bidder.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/review", new
        {
            screeningAnswers = new[] { new { question = "When can you start?", answer = "Monday." } },
            qualityScore = 0.82m,
            qualityNotes = new[] { "✓ Length: 150 words" },
        }));
        sent.Status.ShouldBe(HttpStatusCode.OK, sent.Root.GetRawText());
        var reviewId = sent.Data.As<ReviewSent>().ReviewId;
        (await Envelope.ReadAsync(await bidder.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/review", new { }))).Status.ShouldBe(HttpStatusCode.Conflict);
        (await Envelope.ReadAsync(await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/review", new { }))).Status.ShouldBe(HttpStatusCode.NotFound);

        var queue = await reviewer.Http.GetEnvelopeAsync("/api/v1/upwork/reviews?state=waiting");
        var row = queue.Data.As<IReadOnlyList<ReviewRow>>().ShouldHaveSingleItem();
        row.BidderId.ShouldBe(bidder.UserId);
        row.Bidder.ShouldNotBeNullOrWhiteSpace();
        var detail = (await reviewer.Http.GetEnvelopeAsync($"/api/v1/upwork/reviews/{reviewId}")).Data.As<ReviewDetail>();
        detail.Letter.ShouldBe(SubmitProposalTests.Letter);
        detail.QualityScore.ShouldBe(0.82m);
        detail.ScreeningAnswers[0].Answer.ShouldBe("Monday.");
        detail.Job!.Title.ShouldNotBeNullOrEmpty();
        (await reviewer.Http.GetAsync($"/api/v1/upwork/reviews/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bidder.Http.GetAsync($"/api/v1/upwork/reviews/{reviewId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Returned with a comment (a return needs one), which reaches the bidder's alerts.
        var silent = await Envelope.ReadAsync(await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{reviewId}/return", new { }));
        silent.Status.ShouldBe(HttpStatusCode.BadRequest);
        silent.Errors.ShouldHaveSingleItem().Field.ShouldBe("comment");
        (await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{reviewId}/return", new { comment = "Name their calendar problem first." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mine = (await bidder.Http.GetEnvelopeAsync("/api/v1/upwork/reviews/mine")).Data.As<IReadOnlyList<ReviewRow>>().ShouldHaveSingleItem();
        mine.State.ShouldBe("returned");
        mine.Comment.ShouldBe("Name their calendar problem first.");
        var alerts = (await bidder.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Items;
        alerts.ShouldContain(a => a.Kind == "review_returned" && a.Detail!.Contains("Name their calendar problem first."));

        // Sent again, then edited and approved by the reviewer; a second decision finds nothing waiting.
        (await bidder.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/review", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var approved = await Envelope.ReadAsync(await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{reviewId}/approve", new { coverLetter = Edited }));
        approved.Status.ShouldBe(HttpStatusCode.OK, approved.Root.GetRawText());
        (await admin.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{reviewId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var proposal = (await bidder.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>();
        proposal.CoverLetter.ShouldBe(Edited);
        proposal.History.Select(h => h.Source)
            .ShouldBe(["user", "review_sent", "review_returned", "review_sent", "review_edited"]);
        (await bidder.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Items
            .ShouldContain(a => a.Kind == "review_approved");

        // The bidder changing the approved letter needs a new approval; putting it back does not.
        await bidder.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = Guid.Empty, coverLetter = Edited + " Thanks!" });
        (await Envelope.ReadAsync(await bidder.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }))).Status.ShouldBe(HttpStatusCode.Conflict);
        await bidder.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = Guid.Empty, coverLetter = Edited });

        // The reviewer submits it through the same human-confirmed route, as the bidder's proposal on the bidder's connection.
        var submitted = await Envelope.ReadAsync(await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());
        harness.Fake.State.Proposals.Single(p => p.JobId == job.Id).CoverLetter.ShouldBe(Edited);
        (await bidder.Http.GetEnvelopeAsync("/api/v1/upwork/reviews/mine")).Data.As<IReadOnlyList<ReviewRow>>().Single().State.ShouldBe("submitted");
        var audit = (await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit")).Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ToList();
        audit.ShouldContain("review_required");
        audit.ShouldContain("review_requested");
        audit.ShouldContain("review_returned");
        audit.ShouldContain("review_edited_approved");
        audit.ShouldContain("review_letter_sent");
        audit.ShouldContain("proposal_submitted");
        (await admin.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { required = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Review_is_required_per_bidder_never_for_a_reviewer_and_a_bidder_cannot_approve()
    {
        var admin = await harness.AdminAsync();
        var anna = await harness.App.CreateSignedInClientAsync();
        var ben = await harness.App.CreateSignedInClientAsync();
        var reviewer = await MemberWithRoleAsync(admin, Roles.Reviewer);
        (await admin.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { required = false })).StatusCode.ShouldBe(HttpStatusCode.OK);   // whatever the other test left

        var set = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { bidderId = anna.UserId, required = true }));
        set.Status.ShouldBe(HttpStatusCode.OK, set.Root.GetRawText());
        set.Data.As<ReviewSettings>().Bidders.ShouldContain(anna.UserId);
        (await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { bidderId = Guid.NewGuid(), required = true }))).Errors
            .ShouldHaveSingleItem().Field.ShouldBe("bidderId");
        (await anna.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { required = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        async Task<HttpStatusCode> TrackAsSentAsync(SignedInClient who)
        {
            var job = await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = "Review rule job", description = "A pasted job for the review rule." }));
            var jobId = job.Data.As<Created>().Id;
            return (await who.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, coverLetter = "Hi", status = "submitted" })).StatusCode;
        }

        (await TrackAsSentAsync(anna)).ShouldBe(HttpStatusCode.Conflict);
        (await TrackAsSentAsync(ben)).ShouldBe(HttpStatusCode.Created);
        (await TrackAsSentAsync(reviewer)).ShouldBe(HttpStatusCode.Created);
        (await ben.Http.GetAsync("/api/v1/upwork/reviews")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ben.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{Guid.NewGuid()}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Http.PutAsJsonAsync("/api/v1/upwork/review-settings", new { bidderId = anna.UserId, required = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<SignedInClient> MemberWithRoleAsync(SignedInClient admin, string role)
    {
        var member = await harness.App.CreateSignedInClientAsync();
        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { role })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = harness.App.CreateClient();
        var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }));
        var access = login.Data.As<Tokens>().AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return member with { Http = client, AccessToken = access };
    }
}

/// <summary>The Upwork harness with the install's first account (its admin), made once for the class.</summary>
public sealed class ReviewHarness : UpworkHarness
{
    private Task<SignedInClient>? _admin;

    public Task<SignedInClient> AdminAsync() => _admin ??= App.CreateSignedInClientAsync();
}
