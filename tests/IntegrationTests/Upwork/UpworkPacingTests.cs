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
