using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;
using Shared.Live;

namespace IntegrationTests.Upwork;

/// <summary>
/// Issue 16, "Upwork content reaches a user only through their own authorization": a job fetched with one user's token
/// reaches nobody else — not in search, detail, explain, alerts, hub pushes, proposals or the AI module — unless the
/// other user's own connection fetched it too, or an admin shared the connection with them (audited, revocable).
/// Demo jobs stay everyone's.
/// </summary>
public abstract class JobVisibilityTests(DatabaseKind database) : FreshUpworkHarnessTests(database)
{
    private static async Task<List<Guid>> SearchAsync(SignedInClient user, string q) =>
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={Uri.EscapeDataString(q)}")).Data.As<JobPage>().Items
            .Select(i => i.Id).ToList();

    private static async Task<int> UnreadAsync(SignedInClient user) =>
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread;

    private static async Task<List<string>> AuditKindsAsync(SignedInClient user) =>
        (await user.Http.GetEnvelopeAsync("/api/v1/identity/audit")).Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ToList();

    /// <summary>Every way a user reads one job: each is 200 when they may see it and 404 when they may not.</summary>
    private static async Task<Dictionary<string, HttpStatusCode>> ReadsAsync(SignedInClient user, Guid jobId) => new()
    {
        ["detail"] = (await user.Http.GetAsync($"/api/v1/upwork/jobs/{jobId}")).StatusCode,
        ["explain"] = (await user.Http.GetAsync($"/api/v1/upwork/jobs/{jobId}/explain")).StatusCode,
        ["analyze"] = (await user.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId })).StatusCode,
        ["generate"] = (await user.Http.PostAsJsonAsync("/api/v1/ai/generate-cover-letter", new { jobPostingId = jobId })).StatusCode,
    };

    private static void ShouldAllBe(Dictionary<string, HttpStatusCode> reads, HttpStatusCode expected)
    {
        foreach (var (read, status) in reads) status.ShouldBe(expected, $"{read} answered {status}");
    }

    private async Task<JobPosting> StoredAsync(string upworkId) => (await Harness.StoredJobsAsync([upworkId])).Single();

    [Fact]
    public async Task A_user_without_a_connection_sees_only_demo_jobs_until_an_admin_shares_the_connection_and_not_after_revoking()
    {
        var keyword = "vis" + Guid.NewGuid().ToString("N")[..8];
        var admin = await Harness.ConnectedUserWithSearchAsync(keyword);   // the first account is the admin
        var member = await Harness.App.CreateSignedInClientAsync();
        (await member.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = "Same as the admin's", query = keyword })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var memberPushes = Channel.CreateUnbounded<JsonElement>();
        await using var memberHub = Harness.Hub(member);
        memberHub.On<JsonElement>("new_job", m => memberPushes.Writer.TryWrite(m));
        await memberHub.StartAsync();

        // A demo job is everyone's: it matches both searches and alerts both users.
        var demoDraft = DemoJobGenerator.Create(new Random(3), DateTimeOffset.UtcNow) with { Title = $"Demo {keyword} job" };
        await Harness.App.Services.GetRequiredService<IngestJobPostings>().RunAsync([demoDraft], CancellationToken.None);
        var demo = await StoredAsync(demoDraft.SourceId);
        demo.IsDemo.ShouldBeTrue();
        (await memberPushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20))).As<HubJob>().Title.ShouldBe(demoDraft.Title);

        var first = Harness.Inject(keyword);
        (await Harness.SyncAsync(admin.UserId)).Single().NewJobs.ShouldBe(1);
        var job = await StoredAsync(first.Id);

        (await SearchAsync(admin, keyword)).ShouldBe([job.Id, demo.Id], ignoreOrder: true);
        ShouldAllBe(await ReadsAsync(admin, job.Id), HttpStatusCode.OK);
        (await UnreadAsync(admin)).ShouldBe(2);   // the demo job and this one

        (await SearchAsync(member, keyword)).ShouldBe([demo.Id]);
        ShouldAllBe(await ReadsAsync(member, job.Id), HttpStatusCode.NotFound);
        ShouldAllBe(await ReadsAsync(member, demo.Id), HttpStatusCode.OK);
        (await UnreadAsync(member)).ShouldBe(1);   // the demo job only
        (await member.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = job.Id, coverLetter = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);   // as for a job that does not exist

        // The admin shares the connection: the member sees what it fetched, on the Upwork page too, and both audit trails say so.
        var shared = await Envelope.ReadAsync(await admin.Http.PutAsync($"/api/v1/upwork/connection/shares/{member.UserId}", null));
        shared.Status.ShouldBe(HttpStatusCode.Created);
        (await member.Http.PutAsync($"/api/v1/upwork/connection/shares/{admin.UserId}", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);   // admins only
        (await admin.Http.GetEnvelopeAsync("/api/v1/upwork/connection/shares")).Data.As<ConnectionShares>().SharedWith
            .Select(s => s.UserId).ShouldBe([member.UserId]);
        (await member.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data.As<ConnectionView>().SharedWithMe!.Count.ShouldBe(1);
        (await AuditKindsAsync(admin)).ShouldContain("upwork_connection_shared");
        (await AuditKindsAsync(member)).ShouldContain("upwork_connection_shared_with_you");

        (await SearchAsync(member, keyword)).ShouldBe([job.Id, demo.Id], ignoreOrder: true);   // the cached page of before is not served
        ShouldAllBe(await ReadsAsync(member, job.Id), HttpStatusCode.OK);

        // A job the shared connection fetches now alerts the member, live: their next push after the demo job's is this one.
        var second = Harness.Inject(keyword);
        (await Harness.SyncAsync(admin.UserId)).Single().NewJobs.ShouldBe(1);
        var pushed = await memberPushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        pushed.As<HubJob>().Title.ShouldBe(second.Title);
        (await UnreadAsync(member)).ShouldBe(2);

        // Revoked: gone again, for both jobs, and audited.
        (await admin.Http.DeleteAsync($"/api/v1/upwork/connection/shares/{member.UserId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Http.DeleteAsync($"/api/v1/upwork/connection/shares/{member.UserId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SearchAsync(member, keyword)).ShouldBe([demo.Id]);
        ShouldAllBe(await ReadsAsync(member, job.Id), HttpStatusCode.NotFound);
        ShouldAllBe(await ReadsAsync(member, (await StoredAsync(second.Id)).Id), HttpStatusCode.NotFound);
        (await AuditKindsAsync(admin)).ShouldContain("upwork_connection_share_revoked");
        (await AuditKindsAsync(member)).ShouldContain("upwork_connection_share_revoked");
        (await member.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data.As<ConnectionView>().SharedWithMe!.Count.ShouldBe(0);

        var third = Harness.Inject(keyword);
        (await Harness.SyncAsync(admin.UserId)).Single().NewJobs.ShouldBe(1);
        (await UnreadAsync(admin)).ShouldBe(4);
        (await UnreadAsync(member)).ShouldBe(2);
        (await SearchAsync(member, keyword)).ShouldBe([demo.Id]);
        // Absence proven by a later message: hub messages to one connection arrive in order, so the next one the member
        // gets must be this marker, not the third job.
        await Harness.App.Services.GetRequiredService<HubNotifier>().SendToUserAsync(member.UserId, "new_job", new { title = "marker" });
        var next = await memberPushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        next.As<HubJob>().Title.ShouldBe("marker", $"the member was pushed {third.Title}");
    }

    [Fact]
    public async Task Disconnecting_upwork_ends_every_share_of_the_connection_and_audits_it()
    {
        var keyword = "dis" + Guid.NewGuid().ToString("N")[..8];
        var admin = await Harness.ConnectedUserWithSearchAsync(keyword);
        var member = await Harness.App.CreateSignedInClientAsync();
        var injected = Harness.Inject(keyword);
        (await Harness.SyncAsync(admin.UserId)).Single().NewJobs.ShouldBe(1);
        var job = await StoredAsync(injected.Id);
        (await admin.Http.PutAsync($"/api/v1/upwork/connection/shares/{member.UserId}", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SearchAsync(member, keyword)).ShouldBe([job.Id]);

        (await admin.Http.DeleteAsync("/api/v1/upwork/connection")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await SearchAsync(member, keyword)).ShouldBeEmpty();
        ShouldAllBe(await ReadsAsync(member, job.Id), HttpStatusCode.NotFound);
        (await member.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data.As<ConnectionView>().SharedWithMe!.Count.ShouldBe(0);
        (await AuditKindsAsync(member)).ShouldContain("upwork_connection_share_revoked");
    }

    [Fact]
    public async Task Two_connected_users_with_the_same_search_each_see_the_job_after_their_own_fetch_from_one_stored_row()
    {
        var keyword = "own" + Guid.NewGuid().ToString("N")[..8];
        var alice = await Harness.ConnectedUserWithSearchAsync(keyword);
        var bob = await Harness.ConnectedUserWithSearchAsync(keyword);
        var injected = Harness.Inject(keyword);

        (await Harness.SyncAsync(alice.UserId)).Single().NewJobs.ShouldBe(1);
        var job = await StoredAsync(injected.Id);
        (await SearchAsync(alice, keyword)).ShouldBe([job.Id]);
        (await UnreadAsync(alice)).ShouldBe(1);
        (await SearchAsync(bob, keyword)).ShouldBeEmpty();   // same search, but Bob's token has not fetched it
        ShouldAllBe(await ReadsAsync(bob, job.Id), HttpStatusCode.NotFound);
        (await UnreadAsync(bob)).ShouldBe(0);

        var bobRun = (await Harness.SyncAsync(bob.UserId)).Single();
        bobRun.Succeeded.ShouldBeTrue(bobRun.Error);
        bobRun.NewJobs.ShouldBe(0);   // already stored: one row, shared
        (await SearchAsync(bob, keyword)).ShouldBe([job.Id]);
        ShouldAllBe(await ReadsAsync(bob, job.Id), HttpStatusCode.OK);
        (await UnreadAsync(bob)).ShouldBe(1);   // alerted by his own fetch

        (await Harness.SyncAsync(alice.UserId)).Single().NewJobs.ShouldBe(0);
        (await Harness.SyncAsync(bob.UserId)).Single().NewJobs.ShouldBe(0);
        (await UnreadAsync(alice)).ShouldBe(1);   // nobody alerted twice
        (await UnreadAsync(bob)).ShouldBe(1);
        (await Harness.StoredJobsAsync([injected.Id])).Count.ShouldBe(1);
        Harness.Discovered.CountFor(job.Id).ShouldBe(1);
    }
}

public sealed class PostgresJobVisibilityTests() : JobVisibilityTests(DatabaseKind.Postgres);

public sealed class SqliteJobVisibilityTests() : JobVisibilityTests(DatabaseKind.Sqlite);
