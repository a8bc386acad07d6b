namespace IntegrationTests.Host;

/// <summary>Redis is optional infrastructure: when it is configured but down, the app keeps working and says so.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task With_redis_down_pages_and_the_api_still_work_and_readiness_reports_redis()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Redis:Connection"] = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500",
        });
        await app.StartAsync();

        var user = await app.CreateSignedInClientAsync();
        var jobs = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs");
        var login = await app.CreateClient().GetAsync("/account/login");
        var ready = await app.CreateClient().GetAsync("/health/ready");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        jobs.Status.ShouldBe(HttpStatusCode.OK);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis")
            .GetProperty("status").GetString().ShouldBe("Unhealthy");
    }
}
