using System.Net.Http.Headers;
using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Claims;
using Modules.Upwork.Data;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;
using Shared.Live;

namespace IntegrationTests.Upwork;

/// <summary>
/// Issue 24, claiming: teammates are blocked from drafting and submitting on a job another holds, can ask to take it
/// over, a reviewer reassigns, a claim without a draft lapses on the clock, and two instances claiming at once on one
/// PostgreSQL database produce one winner.
/// </summary>
public sealed class JobClaimTests
{
    private static async Task<Guid> SharedJobAsync(AppFactory app, string title)
    {
        // A demo job is every member's to see, as a job fetched through a shared agency connection is.
        var draft = DemoJobGenerator.Create(new Random(title.GetHashCode(StringComparison.Ordinal)), DateTimeOffset.UtcNow) with { Title = title };
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IngestJobPostings>().RunAsync([draft], CancellationToken.None);
        await using var db = await app.CreateDbContextAsync();
        return await db.Set<JobPosting>().Where(j => j.UpworkJobId == draft.SourceId).Select(j => j.Id).SingleAsync();
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

    private static async Task<Guid?> ClaimerAsync(SignedInClient user, Guid jobId) =>
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{jobId}/claim")).Data.As<JobClaimState>().Claim?.UserId;

    [Fact]
    public async Task A_claimed_job_blocks_teammates_until_handed_over_or_reassigned_and_lapses_without_a_draft()
    {
        var clock = new ShiftedClock();
        await using var app = new AppFactory(DatabaseKind.Postgres, new Dictionary<string, string?> { ["Upwork:Claims:ExpiryMinutes"] = "120" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var anna = await app.CreateSignedInClientAsync();   // joins as a bidder
        var ben = await app.CreateSignedInClientAsync();
        var reviewer = await WithRoleAsync(app, admin, Roles.Reviewer);
        var jobId = await SharedJobAsync(app, "Claimable Blazor job " + Guid.NewGuid().ToString("N")[..6]);
        var published = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<LiveUpdates>().Subscribe(UpworkTopics.JobClaims, e =>
        {
            published.TrySetResult(e.Read<Guid>());
            return Task.CompletedTask;
        });

        // Anna claims; Ben sees it and cannot claim, track, write or keep a draft for the job.
        var claimed = await Envelope.ReadAsync(await anna.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim", null));
        claimed.Status.ShouldBe(HttpStatusCode.OK);
        (await published.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(jobId, "teammates' open pages hear of the claim");
        (await ClaimerAsync(ben, jobId)).ShouldBe(anna.UserId);
        var benClaims = await Envelope.ReadAsync(await ben.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim", null));
        benClaims.Status.ShouldBe(HttpStatusCode.Conflict);
        benClaims.Message.ShouldContain("Claimed by");
        (await ben.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ben.Http.PutAsJsonAsync($"/api/v1/ai/drafts/{jobId}", new { text = "My letter" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ben.Http.PostAsJsonAsync("/api/v1/ai/generate-cover-letter", new { jobPostingId = jobId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Ben asks to take it over; Anna sees the request and hands it over.
        (await ben.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim/takeover-request", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var annasView = (await anna.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{jobId}/claim")).Data.As<JobClaimState>().Claim!;
        annasView.TakeoverRequestedBy.ShouldBe(ben.UserId);
        (await anna.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim/hand-over", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClaimerAsync(anna, jobId)).ShouldBe(ben.UserId);
        (await anna.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Only a reviewer reassigns.
        (await ben.Http.PutAsJsonAsync($"/api/v1/upwork/jobs/{jobId}/claim", new { userId = anna.UserId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reviewer.Http.PutAsJsonAsync($"/api/v1/upwork/jobs/{jobId}/claim", new { userId = anna.UserId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClaimerAsync(ben, jobId)).ShouldBe(anna.UserId);

        // Without a draft the claim lapses after the configured time; Ben may then claim it.
        clock.Advance(TimeSpan.FromMinutes(119));
        (await ben.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        clock.Advance(TimeSpan.FromMinutes(2));
        (await ClaimerAsync(ben, jobId)).ShouldBeNull();
        (await ben.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Tracking the job (a draft) makes Ben's claim hold however long it takes.
        (await ben.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId })).StatusCode.ShouldBe(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromHours(10));
        (await anna.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var audit = (await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit")).Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ToList();
        audit.ShouldContain("job_claimed");
        audit.ShouldContain("job_takeover_requested");
        audit.ShouldContain("job_handed_over");
        audit.ShouldContain("job_reassigned");
    }

    [Fact]
    public async Task Two_instances_claiming_the_same_jobs_at_once_produce_one_winner_each_time()
    {
        await using var a = new AppFactory(DatabaseKind.Postgres);
        await a.StartAsync();
        await using var b = new AppFactory(DatabaseKind.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = a.PostgresConnectionString });
        await b.StartAsync();
        await a.CreateSignedInClientAsync();   // the admin
        var anna = await a.CreateSignedInClientAsync();
        var ben = await a.CreateSignedInClientAsync();

        const int rounds = 12;
        for (var round = 0; round < rounds; round++)
        {
            var jobId = await SharedJobAsync(a, $"Raced job {round} {Guid.NewGuid():N}");
            // Round by round, alternate who takes over a lapsed claim too: half the rounds race on an expired row.
            if (round % 2 == 1)
            {
                await using var db = await a.CreateDbContextAsync();
                db.Set<JobClaim>().Add(new JobClaim { JobPostingId = jobId, UserId = Guid.NewGuid(), ClaimedAt = DateTimeOffset.UtcNow.AddHours(-5), ExpiresAt = DateTimeOffset.UtcNow.AddHours(-3) });
                await db.SaveChangesAsync();
            }
            var onA = a.Services.GetRequiredService<JobClaims>();
            var onB = b.Services.GetRequiredService<JobClaims>();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = Task.Run(async () => { await start.Task; return await onA.ClaimAsync(anna.UserId, jobId, CancellationToken.None); });
            var second = Task.Run(async () => { await start.Task; return await onB.ClaimAsync(ben.UserId, jobId, CancellationToken.None); });
            start.SetResult();
            var outcomes = await Task.WhenAll(first, second);

            outcomes.Count(o => o.Won).ShouldBe(1, $"round {round}");
            var winner = outcomes[0].Won ? anna.UserId : ben.UserId;
            outcomes.Single(o => !o.Won).Claim!.UserId.ShouldBe(winner, "the loser is told who won");
            await using var check = await a.CreateDbContextAsync();
            (await check.Set<JobClaim>().Where(c => c.JobPostingId == jobId).Select(c => c.UserId).SingleAsync()).ShouldBe(winner);
        }
    }
}
