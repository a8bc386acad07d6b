using System.Net.Sockets;

namespace IntegrationTests.Host;

/// <summary>Issue 17 (low): <c>/metrics</c> behind a bearer token (<c>Metrics:Token</c>) or on a port of its own (<c>Metrics:Port</c>).</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task With_a_token_set_a_scrape_without_it_is_refused_and_with_it_served()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Metrics:Token"] = "scrape-secret-1" });
        await app.StartAsync();
        var scraper = app.CreateClient();

        (await scraper.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", "scrape-secret-2") } })
            (await scraper.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", "scrape-secret-1") } };
        var served = await scraper.SendAsync(right);

        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Content.ReadAsStringAsync()).ShouldContain("# TYPE");
    }

    [Fact]
    public async Task With_a_port_set_metrics_are_served_there_and_not_on_the_apps_port()
    {
        var port = FreePort();
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await app.StartAsync();

        (await app.CreateClient().GetStringAsync("/metrics").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "")).ShouldNotContain("# TYPE");
        using var direct = new HttpClient();
        (await direct.GetStringAsync($"http://127.0.0.1:{port}/metrics")).ShouldContain("# TYPE");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
