using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace LoadClient;

/// <summary>
/// The client side of tests/scale-out/run.sh: two instances behind nginx, which pins a client to one of them by the
/// <c>ua_affinity</c> cookie and names the instance that answered in <c>X-Upstream</c>. Each check prints
/// <c>CHECK|name|pass or FAIL|detail</c>; the exit code is the number of failed checks.
/// </summary>
internal static class ScaleOutChecks
{
    public const string Word = "scaleoutword";
    private const string Affinity = "ua_affinity";

    /// <summary>A hub client pinned to one instance receives the alert for a job pasted through the other.</summary>
    /// <remarks>Used again after Redis comes back (under the name given): the backplane reconnects on its own, so the job is
    /// pasted again every 5 s for up to 60 s until one arrives.</remarks>
    public static async Task<int> HubAcrossInstancesAsync(string baseUrl, string hubAffinity, string ingestAffinity, string token, string name = "hub-alert-across-instances")
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseUrl), "/hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = $"{Affinity}={hubAffinity}";
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        hub.On<JsonElement>("new_job", p => received.TrySetResult(p.GetProperty("title").GetString() ?? ""));
        await hub.StartAsync();
        using var http = Client(baseUrl, ingestAffinity, token);
        string? upstream = null;
        var attempts = name == "hub-alert-across-instances" ? 4 : 12;
        for (var attempt = 0; attempt < attempts && !received.Task.IsCompleted; attempt++)
        {
            var title = $"{Word} hub-{Guid.NewGuid():N} across instances";
            using var response = await http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title, jobType = "fixed", budgetMin = 300, budgetMax = 300 });
            upstream = Upstream(response);
            await Task.WhenAny(received.Task, Task.Delay(5000));
        }
        var ok = received.Task.IsCompleted;
        return Check(name, ok, ok ? $"job pasted on {upstream} reached a hub client pinned to the other instance" : $"no new_job message within {attempts * 5} s");
    }

    /// <summary>Signed in on one instance is signed in on the other, and a circuit on the other updates live.</summary>
    public static async Task<int> BrowserAcrossInstancesAsync(string baseUrl, string affinityA, string affinityB, string email, string password)
    {
        var failed = 0;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        var onA = await NewContextAsync(browser, baseUrl, affinityA);
        var pageA = await onA.NewPageAsync();
        await Browsers.SignInAsync(pageA, email, password);
        var upstreamA = (await (await pageA.GotoAsync("/upwork/jobs"))!.AllHeadersAsync()).GetValueOrDefault("x-upstream");

        var onB = await NewContextAsync(browser, baseUrl, affinityB);
        await onB.AddCookiesAsync((await onA.CookiesAsync()).Where(c => c.Name != Affinity)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite }));
        var pageB = await onB.NewPageAsync();
        var responseB = await pageB.GotoAsync("/upwork/jobs");
        var upstreamB = (await responseB!.AllHeadersAsync()).GetValueOrDefault("x-upstream");
        var signedIn = new Uri(pageB.Url).AbsolutePath == "/upwork/jobs" && upstreamA != upstreamB && upstreamA is not null;
        failed += Check("signed-in-on-both", signedIn, $"signed in through {upstreamA}; the same cookies on {upstreamB} open {new Uri(pageB.Url).AbsolutePath}");
        if (!signedIn) return failed + 1;
        await pageB.Locator("[data-interactive=true]").WaitForAsync();

        var title = $"{Word} live-{Guid.NewGuid():N}";
        var token = await TokenAsync(baseUrl, affinityA, email, password);
        using var api = Client(baseUrl, affinityA, token);
        var seen = false;
        string? pastedOn = null;
        for (var attempt = 0; attempt < 3 && !seen; attempt++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = title + "-" + attempt, jobType = "fixed", budgetMin = 400, budgetMax = 400 });
            pastedOn = Upstream(response);
            try
            {
                await pageB.GetByText(title + "-" + attempt).First.WaitForAsync(new() { Timeout = 8000 });
                seen = true;
            }
            catch (TimeoutException) { }
        }
        failed += Check("circuit-updates-live-across-instances", seen && pastedOn != upstreamB, $"job pasted on {pastedOn}; Jobs page circuit on {upstreamB} {(seen ? "showed it" : "did not show it within 24 s")}");
        return failed;
    }

    /// <summary>
    /// A user whose instance stops is still signed in on the other after the page reloads. <paramref name="stopScript"/>
    /// stops the instance as a deployment does (out of the proxy, then SIGTERM) and returns once it has exited.
    /// </summary>
    public static async Task<int> FailoverAsync(string baseUrl, string affinity, string stopScript, string email, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        var context = await NewContextAsync(browser, baseUrl, affinity);
        var page = await context.NewPageAsync();
        await Browsers.SignInAsync(page, email, password);
        var before = (await (await Browsers.GotoInteractiveAsync(page, "/upwork/jobs"))!.AllHeadersAsync()).GetValueOrDefault("x-upstream");

        var clock = Stopwatch.StartNew();
        await Process.Start("bash", [stopScript])!.WaitForExitAsync();
        Console.Error.WriteLine($"instance {before} stopped after {clock.Elapsed.TotalSeconds:F1} s");

        // Blazor notices the lost circuit and may reload the page by itself meanwhile; a user would reload, too.
        string? after = null;
        for (var attempt = 0; attempt < 5 && after is null; attempt++)
        {
            try
            {
                after = (await (await page.GotoAsync("/upwork/jobs"))!.AllHeadersAsync()).GetValueOrDefault("x-upstream");
            }
            catch (PlaywrightException)
            {
                await Task.Delay(1000);
            }
        }
        var ok = false;
        try
        {
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });
            ok = new Uri(page.Url).AbsolutePath == "/upwork/jobs" && after != before;
        }
        catch (TimeoutException) { }
        return Check("user-moves-to-the-other-instance", ok, $"Jobs page on {before}; after it stopped the reload was served by {after} at {new Uri(page.Url).AbsolutePath}, {(ok ? "signed in and interactive" : "not interactive")}");
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl, string affinity)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.TrimEnd('/') });
        context.SetDefaultTimeout(60_000);
        await context.AddCookiesAsync([new Cookie { Name = Affinity, Value = affinity, Url = baseUrl }]);
        return context;
    }

    private static HttpClient Client(string baseUrl, string affinity, string token)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("Cookie", $"{Affinity}={affinity}");
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    private static async Task<string> TokenAsync(string baseUrl, string affinity, string email, string password)
    {
        using var http = Client(baseUrl, affinity, "none");
        http.DefaultRequestHeaders.Authorization = null;
        using var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("accessToken").GetString()!;
    }

    private static string? Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var v) ? v.FirstOrDefault() : null;

    private static int Check(string name, bool ok, string detail)
    {
        Console.WriteLine($"CHECK|{name}|{(ok ? "pass" : "FAIL")}|{detail}");
        return ok ? 0 : 1;
    }
}
