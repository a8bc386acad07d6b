using FakeUpwork;

namespace IntegrationTests.Upwork;

/// <summary>Many searches syncing at once stay under Upwork's per-IP limits, counted by the fake itself.</summary>
public sealed class UpworkPacingTests(UpworkPacingTests.Harness harness) : IClassFixture<UpworkPacingTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Upwork:PageSize"] = "5",
            ["Upwork:MaxPagesPerRun"] = "8",
        };
    }

    [Fact]
    public async Task Concurrent_syncs_never_exceed_ten_requests_a_second_and_are_never_rate_limited()
    {
        var users = new List<(SignedInClient User, string Keyword)>();
        for (var i = 0; i < 5; i++)
        {
            var keyword = "pace" + Guid.NewGuid().ToString("N")[..8];
            users.Add((await harness.ConnectedUserWithSearchAsync(keyword), keyword));
            for (var j = 0; j < 30; j++) harness.Inject(keyword);   // six pages of five each
        }
        harness.Fake.Stats.Reset();

        var outcomes = await Task.WhenAll(users.Select(u => harness.SyncAsync(u.User.UserId)));

        outcomes.SelectMany(o => o).ShouldAllBe(o => o.Succeeded && o.NewJobs == 30);
        harness.Fake.Stats.GraphQlRequests.ShouldBeGreaterThanOrEqualTo(30);
        harness.Fake.Stats.RateLimitedResponses.ShouldBe(0);
        harness.Fake.Stats.MaxRequestsInAnySecond.ShouldBeLessThanOrEqualTo(10);
    }
}

/// <summary>Upwork counts per IP address, not per process: two instances sharing Redis share one budget.</summary>
public sealed class UpworkSharedPacingTests(UpworkSharedPacingTests.Harness harness) : IClassFixture<UpworkSharedPacingTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        public string RedisPrefix { get; } = "ua-test-" + Guid.NewGuid().ToString("N")[..8];

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Upwork:PageSize"] = "5",
            ["Upwork:MaxPagesPerRun"] = "8",
            ["Redis:Connection"] = TestEnvironment.Redis,
            ["Redis:Prefix"] = RedisPrefix,
        };
    }

    [Fact]
    public async Task Two_instances_syncing_at_once_stay_under_ten_requests_a_second_together()
    {
        var settings = harness.FakeSettings();
        settings["Upwork:PageSize"] = "5";
        settings["Upwork:MaxPagesPerRun"] = "8";
        settings["Redis:Connection"] = TestEnvironment.Redis;
        settings["Redis:Prefix"] = harness.RedisPrefix;
        await using var second = await harness.CreateAppAsync(settings);

        var work = new List<(SignedInClient User, AppFactory App)>();
        foreach (var app in new[] { harness.App, second })
            for (var i = 0; i < 3; i++)
            {
                var keyword = "shared" + Guid.NewGuid().ToString("N")[..8];
                work.Add((await harness.ConnectedUserWithSearchAsync(keyword, app), app));
                for (var j = 0; j < 30; j++) harness.Inject(keyword);
            }
        harness.Fake.Stats.Reset();

        var outcomes = await Task.WhenAll(work.Select(w => harness.SyncAsync(w.User.UserId, default, w.App)));

        outcomes.SelectMany(o => o).ShouldAllBe(o => o.Succeeded && o.NewJobs == 30);
        harness.Fake.Stats.RateLimitedResponses.ShouldBe(0);
        harness.Fake.Stats.MaxRequestsInAnySecond.ShouldBeLessThanOrEqualTo(10);
    }
}
