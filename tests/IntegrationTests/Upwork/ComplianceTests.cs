using Microsoft.EntityFrameworkCore;
using Modules.Upwork.Data;

namespace IntegrationTests.Upwork;

/// <summary>
/// The compliance guardian (docs/compliance.md): its numbers are the rate gate's own counters and the call log, and
/// they agree with what the fake Upwork itself counted; the pause switch stops calls at once.
/// </summary>
public sealed class ComplianceTests() : FreshUpworkHarnessTests(DatabaseKind.Postgres)
{
    [Fact]
    public async Task The_guardians_numbers_equal_the_fake_upworks_own_request_counts_over_a_scripted_run()
    {
        var keyword = "guard" + Guid.NewGuid().ToString("N")[..8];
        var user = await Harness.ConnectedUserWithSearchAsync(keyword);
        for (var i = 0; i < 23; i++) Harness.Inject(keyword);   // three pages of ten
        var before = await ReportAsync(user);
        var logBefore = await CallLogCountAsync(user.UserId);
        Harness.Fake.Stats.Reset();

        // The script: two sync runs (the second finds nothing new), a profile import, a status sync.
        await Harness.SyncAsync(user.UserId);
        Harness.Inject(keyword);
        await Harness.SyncAsync(user.UserId);
        (await user.Http.PostAsync("/api/v1/upwork/connection/import-profile", null)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.BadGateway, HttpStatusCode.Forbidden);
        var after = await ReportAsync(user);

        var sent = Harness.Fake.Stats.GraphQlRequests + Harness.Fake.Stats.TokenRequests;
        sent.ShouldBeGreaterThan(3);
        (Rate(after, "day") - Rate(before, "day")).ShouldBe(sent);
        (Budget(after, "jobs") - Budget(before, "jobs")).ShouldBe(Harness.Fake.Stats.OperationCount("marketplaceJobPostingsSearch"));
        (Rate(after, "minute") - Rate(before, "minute")).ShouldBe(sent);   // the whole run took well under a minute of the gate's clock
        var logged = await CallsAsync(user.UserId, logBefore);
        logged.Count(c => c.Status != null).ShouldBe(sent);
        logged.Where(c => c.Operation == "marketplaceJobPostingsSearch").ShouldAllBe(c => c.Reason == $"Saved search “Watch {keyword}”");
        after.CallsLast24Hours.ShouldBe(logged.Count(c => c.Status != null) + before.CallsLast24Hours);

        var page = await user.Http.GetEnvelopeAsync("/api/v1/upwork/compliance/calls?limit=500");
        page.Data.EnumerateArray().Count().ShouldBe(logged.Count + logBefore);
    }

    [Fact]
    public async Task A_user_may_not_see_the_workspace_view_or_turn_the_workspace_switch()
    {
        _ = await Harness.App.CreateSignedInClientAsync();   // the first account is the admin
        var member = await Harness.App.CreateSignedInClientAsync();

        (await member.Http.GetAsync("/api/v1/upwork/compliance?workspace=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.Http.PutAsJsonAsync("/api/v1/upwork/compliance/workspace-pause", new { paused = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = await Harness.App.CreateDbContextAsync();
        (await db.Set<UpworkPause>().CountAsync()).ShouldBe(0);
    }

    private static async Task<ComplianceView> ReportAsync(SignedInClient user)
    {
        var envelope = await user.Http.GetEnvelopeAsync("/api/v1/upwork/compliance");
        envelope.Status.ShouldBe(HttpStatusCode.OK);
        return envelope.Data.As<ComplianceView>();
    }

    private static int Rate(ComplianceView report, string key) => report.Rates.Single(g => g.Key == key).Value;

    private static int Budget(ComplianceView report, string key) => report.HourlyBudgets.Single(g => g.Key == key).Value;

    private async Task<int> CallLogCountAsync(Guid userId)
    {
        await using var db = await Harness.App.CreateDbContextAsync();
        return await db.Set<UpworkCallLogEntry>().CountAsync(c => c.UserId == userId);
    }

    private async Task<List<UpworkCallLogEntry>> CallsAsync(Guid userId, int skip)
    {
        await using var db = await Harness.App.CreateDbContextAsync();
        return (await db.Set<UpworkCallLogEntry>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync()).OrderBy(c => c.At).ThenBy(c => c.Id).Skip(skip).ToList();
    }
}

/// <summary>Two instances sharing PostgreSQL and Redis: a pause switch flipped on one stops the other's very next call.</summary>
public sealed class CompliancePauseTests(CompliancePauseTests.Harness harness) : IClassFixture<CompliancePauseTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        public string RedisPrefix { get; } = "ua-test-" + Guid.NewGuid().ToString("N")[..8];

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Redis:Connection"] = TestEnvironment.Redis,
            ["Redis:Prefix"] = RedisPrefix,
        };
    }

    [Fact]
    public async Task The_pause_switch_stops_every_call_on_both_instances_at_once_and_resumes_when_turned_off()
    {
        var settings = harness.FakeSettings();
        settings["Redis:Connection"] = TestEnvironment.Redis;
        settings["Redis:Prefix"] = harness.RedisPrefix;
        settings["ConnectionStrings:Postgres"] = harness.App.PostgresConnectionString;   // the same database as the first instance
        await using var second = await harness.CreateAppAsync(settings);
        var admin = await harness.App.CreateSignedInClientAsync();
        var keyword = "pause" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        harness.Inject(keyword);
        var onB = await SignInAsync(second, user);

        // The user pauses on instance A; the very next call, made on instance B, never reaches Upwork.
        harness.Fake.Stats.Reset();
        (await user.Http.PutAsJsonAsync("/api/v1/upwork/compliance/pause", new { paused = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await harness.SyncAsync(user.UserId, default, second);
        refused.ShouldAllBe(o => !o.Succeeded);
        (await onB.PostAsync("/api/v1/upwork/connection/import-profile", null)).StatusCode.ShouldBe((HttpStatusCode)423);
        harness.Fake.Stats.GraphQlRequests.ShouldBe(0);
        harness.Fake.Stats.TokenRequests.ShouldBe(0);
        var seenOnB = (await onB.GetEnvelopeAsync("/api/v1/upwork/compliance")).Data.As<ComplianceView>();
        seenOnB.UserPausedAt.ShouldNotBeNull();
        (await CallLogAsync(user.UserId)).ShouldContain(c => c.Outcome == "paused");

        // Off again on B: A's next call goes out.
        (await onB.PutAsJsonAsync("/api/v1/upwork/compliance/pause", new { paused = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await harness.SyncAsync(user.UserId)).ShouldAllBe(o => o.Succeeded);
        harness.Fake.Stats.GraphQlRequests.ShouldBeGreaterThan(0);

        // The admin's workspace switch on B stops the user's calls on A too.
        var adminOnB = await SignInAsync(second, admin);
        harness.Fake.Stats.Reset();
        (await adminOnB.PutAsJsonAsync("/api/v1/upwork/compliance/workspace-pause", new { paused = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.PostAsync("/api/v1/upwork/connection/import-profile", null)).StatusCode.ShouldBe((HttpStatusCode)423);
        (await harness.SyncAsync(user.UserId)).ShouldAllBe(o => !o.Succeeded);
        harness.Fake.Stats.GraphQlRequests.ShouldBe(0);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/compliance")).Data.As<ComplianceView>().WorkspacePausedAt.ShouldNotBeNull();
        (await adminOnB.PutAsJsonAsync("/api/v1/upwork/compliance/workspace-pause", new { paused = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The same account signed in on the other instance (each instance issues its own tokens).</summary>
    private static async Task<HttpClient> SignInAsync(AppFactory app, SignedInClient user)
    {
        var client = app.CreateClient();
        var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
        login.Status.ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Data.As<Tokens>().AccessToken);
        return client;
    }

    private async Task<List<UpworkCallLogEntry>> CallLogAsync(Guid userId)
    {
        await using var db = await harness.App.CreateDbContextAsync();
        return await db.Set<UpworkCallLogEntry>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
    }
}
