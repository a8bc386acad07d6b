using System.Net.Http.Headers;
using Contracts.Identity;
using Microsoft.Extensions.DependencyInjection;
using Modules.Ai.Data;

namespace IntegrationTests.Analytics;

/// <summary>
/// Issue 24, numbers per bidder: a known history is made through the API on a clock the test holds (claims, drafts, two
/// rounds of review, sends with Connects, a reply and a hire), and the team view's per-bidder rows and review-queue
/// numbers equal the ones worked out by hand here; a bidder may not read them.
/// </summary>
public sealed class BidderNumbersTests
{
    [Fact]
    public async Task Per_bidder_rows_and_the_review_queue_equal_a_hand_computed_history()
    {
        var clock = new SettableClock();
        // Held at a whole second near now (sign-in tokens are real); every step below is at a minute the test chose.
        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        clock.Set(t0);
        await using var app = new AppFactory(DatabaseKind.Postgres, services: s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var anna = await app.CreateSignedInClientAsync();   // bidders
        var ben = await app.CreateSignedInClientAsync();
        var reviewer = await WithRoleAsync(app, admin, Roles.Reviewer);

        async Task<Guid> JobAsync(SignedInClient who, string title) =>
            (await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title, description = "A pasted job for the team's numbers." })))
            .Data.As<Created>().Id;
        async Task<Guid> DraftAsync(SignedInClient who, Guid job, string letter)
        {
            var created = await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = job, coverLetter = letter }));
            created.Status.ShouldBe(HttpStatusCode.Created, created.Root.GetRawText());
            return created.Data.As<Created>().Id;
        }
        async Task MoveAsync(SignedInClient who, Guid id, string status, int? connects = null) =>
            (await who.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = Guid.Empty, status, connectsSpent = connects })).StatusCode.ShouldBe(HttpStatusCode.OK);
        async Task<Guid> SendForReviewAsync(Guid id)
        {
            var sent = await Envelope.ReadAsync(await anna.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/review", new { }));
            sent.Status.ShouldBe(HttpStatusCode.OK, sent.Root.GetRawText());
            return sent.Data.As<ReviewSent>().ReviewId;
        }

        // Anna: claims one job without drafting, drafts three (a draft claims its job too): 4 claimed, 3 drafted.
        (await anna.Http.PostAsync($"/api/v1/upwork/jobs/{await JobAsync(anna, "Claimed only")}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var a1 = await DraftAsync(anna, await JobAsync(anna, "Anna one"), "Letter one");
        var a2 = await DraftAsync(anna, await JobAsync(anna, "Anna two"), "Letter two");
        var a3 = await DraftAsync(anna, await JobAsync(anna, "Anna three"), "Letter three");

        // Reviews: a1 approved after 30 min; a2 returned after 10 min, sent again and approved (edited) after 50 min; a3 waits.
        var r1 = await SendForReviewAsync(a1);
        clock.Set(t0.AddMinutes(30));
        (await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{r1}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var r2 = await SendForReviewAsync(a2);
        clock.Set(t0.AddMinutes(40));
        (await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{r2}/return", new { comment = "Name their stack." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Set(t0.AddMinutes(45));
        await SendForReviewAsync(a2);
        clock.Set(t0.AddMinutes(95));
        (await reviewer.Http.PostAsJsonAsync($"/api/v1/upwork/reviews/{r2}/approve", new { coverLetter = "Letter two, about their Django stack." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Set(t0.AddMinutes(100));
        await SendForReviewAsync(a3);

        // Sent: a1 (6 Connects) reaches interviewing and a hire; a2 (4 Connects) is only viewed. Ben sends one (2 Connects) that gets a reply.
        clock.Set(t0.AddMinutes(110));
        await MoveAsync(anna, a1, "submitted", 6);
        await MoveAsync(anna, a2, "submitted", 4);
        await MoveAsync(anna, a2, "viewed");
        await MoveAsync(anna, a1, "interviewing");
        await MoveAsync(anna, a1, "hired");
        var b1 = await DraftAsync(ben, await JobAsync(ben, "Ben one"), "Ben's letter");
        await MoveAsync(ben, b1, "submitted", 2);
        await MoveAsync(ben, b1, "interviewing");

        // AI spend: Anna's two generations cost 0.0123 and 0.0200 USD.
        await using (var db = await app.CreateDbContextAsync())
        {
            foreach (var cost in new[] { 0.0123m, 0.0200m })
                db.Set<Generation>().Add(new Generation
                {
                    Id = Guid.CreateVersion7(), UserId = anna.UserId, Prompt = "p", Response = "r", Provider = "openai", Model = "gpt-4o-mini", Cost = cost, CreatedAt = t0.AddMinutes(5),
                });
            await db.SaveChangesAsync();
        }

        var numbers = await Envelope.ReadAsync(await reviewer.Http.GetAsync("/api/v1/analytics/team/bidders"));
        numbers.Status.ShouldBe(HttpStatusCode.OK, numbers.Root.GetRawText());
        var team = numbers.Data.As<BidderNumbers>();
        var rows = team.Bidders.ToDictionary(r => r.UserId);
        rows.Keys.ShouldBe([anna.UserId, ben.UserId], ignoreOrder: true);

        var a = rows[anna.UserId];
        a.Claimed.ShouldBe(4);
        a.Drafted.ShouldBe(3);
        a.Sent.ShouldBe(2);
        a.Reviewed.ShouldBe(3);
        a.MedianTurnaroundMinutes.ShouldBe(30);   // median of 30, 10 and 50
        a.ReplyRate.ShouldBe(0.5m);              // a1 of a1, a2
        a.HireRate.ShouldBe(0.5m);
        a.ConnectsSpent.ShouldBe(10);
        a.AiSpend.ShouldBe(0.0323m);

        var b = rows[ben.UserId];
        b.Claimed.ShouldBe(1);
        b.Drafted.ShouldBe(1);
        b.Sent.ShouldBe(1);
        b.Reviewed.ShouldBe(0);
        b.MedianTurnaroundMinutes.ShouldBeNull();
        b.ReplyRate.ShouldBe(1m);
        b.HireRate.ShouldBe(0m);
        b.ConnectsSpent.ShouldBe(2);
        b.AiSpend.ShouldBe(0m);

        var queue = team.Queue;
        queue.Waiting.ShouldBe(1);                  // a3
        queue.Decisions.ShouldBe(3);
        queue.MedianDecisionMinutes.ShouldBe(30);

        // A bidder may not read the team's rows; a period the validator refuses names its field.
        (await anna.Http.GetAsync("/api/v1/analytics/team/bidders")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await Envelope.ReadAsync(await reviewer.Http.GetAsync("/api/v1/analytics/team/bidders?from=2020-01-01&to=2019-01-01"));
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Errors.ShouldContain(e => e.Field == "to");
    }

    private static async Task<SignedInClient> WithRoleAsync(AppFactory app, SignedInClient admin, string role)
    {
        var member = await app.CreateSignedInClientAsync();
        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { role })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = app.CreateClient();
        var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Data.As<Tokens>().AccessToken);
        return member with { Http = client };
    }
}
