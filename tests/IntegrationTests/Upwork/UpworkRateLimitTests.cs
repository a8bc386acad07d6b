using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Upwork;

/// <summary>
/// A 429 without Retry-After: Upwork lifts the block a minute after the last rate-limited request, so every instance
/// stops sending for a minute. Both apps and the fake run on clocks the test moves; nothing sleeps.
/// </summary>
public sealed class UpworkRateLimitTests(UpworkRateLimitTests.Harness harness) : IClassFixture<UpworkRateLimitTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        public string RedisPrefix { get; } = "ua-test-" + Guid.NewGuid().ToString("N")[..8];

        public ShiftedClock Clock { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Redis:Connection"] = TestEnvironment.Redis,
            ["Redis:Prefix"] = RedisPrefix,
        };

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    // One test only: the app clock moves forward here, and users signed up after that would hold tokens from the future.
    [Fact]
    public async Task A_429_pauses_every_instance_for_sixty_seconds_and_upwork_sees_nothing_until_then()
    {
        var settings = harness.FakeSettings();
        settings["Redis:Connection"] = TestEnvironment.Redis;
        settings["Redis:Prefix"] = harness.RedisPrefix;
        await using var second = await harness.CreateAppAsync(settings);
        var first = harness.App;
        var keywordA = "pauseA" + Guid.NewGuid().ToString("N")[..8];
        var keywordB = "pauseB" + Guid.NewGuid().ToString("N")[..8];
        var a = await harness.ConnectedUserWithSearchAsync(keywordA, first);
        var b = await harness.ConnectedUserWithSearchAsync(keywordB, second);
        var jobsA = Enumerable.Range(0, 2).Select(_ => harness.Inject(keywordA)).ToList();
        var jobsB = Enumerable.Range(0, 3).Select(_ => harness.Inject(keywordB)).ToList();

        // Upwork rate-limits the next request (no Retry-After), and from then on answers 429 until a minute after the last one.
        harness.Fake.RateLimits.SendRetryAfter = false;
        harness.Fake.RateLimits.PerMinute = 0;
        var since = harness.Fake.Stats.Requests.Count;
        var limited = (await harness.SyncAsync(a.UserId, default, first)).Single();
        harness.Fake.RateLimits.PerMinute = 300;   // only the block is left

        limited.Succeeded.ShouldBeFalse();
        limited.Error.ShouldNotBeNull().ShouldStartWith("Upwork rate-limited us; paused until ");
        var sent = harness.Fake.Stats.Requests.Skip(since).Where(r => r.Path == "/graphql").ToList();
        sent.Count.ShouldBe(1);   // not retried
        sent[0].StatusCode.ShouldBe(429);
        var blockedAt = sent[0].FakeTime;

        // The other instance and the first one both hold back, for all of the minute.
        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(29) })
        {
            harness.Clock.Advance(step);
            var outcomeB = (await harness.SyncAsync(b.UserId, default, second)).Single();
            outcomeB.Succeeded.ShouldBeFalse();
            outcomeB.Error.ShouldNotBeNull().ShouldStartWith("Upwork rate-limited us; paused until ");
            (await harness.SyncAsync(a.UserId, default, first)).Single().Succeeded.ShouldBeFalse();
        }
        var searchB = (await b.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data.As<ConnectionView>().Searches[0];
        searchB.LastError.ShouldNotBeNull().ShouldStartWith("Upwork rate-limited us; paused until ");
        (await b.Http.GetStringAsync("/upwork/connection")).ShouldContain("Upwork rate-limited us; paused until ");

        // A minute on, on both sides: both instances sync again, and Upwork answers.
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        harness.Fake.Clock.Advance(TimeSpan.FromSeconds(61));
        var resumedA = (await harness.SyncAsync(a.UserId, default, first)).Single();
        var resumedB = (await harness.SyncAsync(b.UserId, default, second)).Single();
        resumedA.Succeeded.ShouldBeTrue(resumedA.Error);
        resumedA.NewJobs.ShouldBe(jobsA.Count);
        resumedB.Succeeded.ShouldBeTrue(resumedB.Error);
        resumedB.NewJobs.ShouldBe(jobsB.Count);

        // Upwork saw the one rate-limited request, then nothing until the minute was over: the resumed syncs are the next requests.
        var after = harness.Fake.Stats.Requests.Skip(since).Where(r => r.Path == "/graphql").Skip(1).ToList();
        after.ShouldNotBeEmpty();
        after.ShouldAllBe(r => r.FakeTime >= blockedAt + TimeSpan.FromSeconds(60) && r.StatusCode == 200);
        harness.Fake.Stats.Requests.Skip(since).Count(r => r.StatusCode == 429).ShouldBe(1);

        // A 429 on a call the user made from the API: the envelope says so (429), never a 500.
        harness.Fake.Faults.Enqueue(FakeUpwork.FakeFault.RateLimited(TimeSpan.FromSeconds(90)));
        var import = await Envelope.ReadAsync(await a.Http.PostAsync("/api/v1/upwork/connection/import-profile", null));
        import.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        import.Message.ShouldStartWith("Upwork rate-limited us; paused until ");
    }
}
