namespace IntegrationTests.Host;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_per_ip_limit_the_api_answers_429_with_retry_after_in_the_envelope()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Api:RateLimit:PerIpPerMinute"] = "3" });
        await app.StartAsync();
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++) (await client.GetAsync("/api/v1/auth/password-policy")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await Envelope.ReadAsync(await client.GetAsync("/api/v1/auth/password-policy"));

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Success.ShouldBeFalse();
        var retryAfter = int.Parse(limited.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        limited.Message.ShouldContain($"{retryAfter} s");
        // Pages and health checks are not API traffic and stay reachable.
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_user_has_a_limit_of_their_own_whatever_their_address()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Api:RateLimit:PerUserPerMinute"] = "3", ["Api:RateLimit:PerIpPerMinute"] = "1000",
        });
        await app.StartAsync();
        var alice = await app.CreateSignedInClientAsync();
        var bob = await app.CreateSignedInClientAsync();

        for (var i = 0; i < 3; i++) (await alice.Http.GetAsync("/api/v1/ai/providers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await alice.Http.GetAsync("/api/v1/ai/providers")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await bob.Http.GetAsync("/api/v1/ai/providers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_attempts_have_a_stricter_limit_of_their_own()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Auth:RateLimitPerMinute"] = "2" });
        await app.StartAsync();
        var client = app.CreateClient();
        var attempt = new { email = "nobody@example.com", password = "Wrong!Passw0rd" };

        for (var i = 0; i < 2; i++) (await client.PostAsJsonAsync("/api/v1/auth/login", attempt)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var limited = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", attempt));

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Response.Headers.RetryAfter.ShouldNotBeNull();
        (await client.GetAsync("/api/v1/auth/password-policy")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
