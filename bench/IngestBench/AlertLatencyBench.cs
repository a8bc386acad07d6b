using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Data;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;
using Modules.Upwork.Searches;
using TestSupport;

/// <summary>
/// Ingest-to-DOM alert latency: the real app on Kestrel (SQLite, the embedded default), a signed-in user with one saved
/// search and the Jobs page open in headless Chromium. For each job: the clock starts just before the ingest call (store,
/// commit, announce) and stops when a MutationObserver in the page sees the job's title in the DOM (the toast or the
/// list, whichever comes first). Server and browser share this machine's clock. Reports; never fails.
/// </summary>
internal static class AlertLatencyBench
{
    private const string Observer = """
        () => {
          window.__seen = {};
          const re = /albench-\d+/g;
          new MutationObserver(records => {
            const at = performance.timeOrigin + performance.now();
            for (const r of records)
              for (const n of [...r.addedNodes, r.target])
                for (const m of (n.textContent || "").matchAll(re))
                  if (!(m[0] in window.__seen)) window.__seen[m[0]] = at;
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public static async Task RunAsync(int jobs)
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Upwork:Demo:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning",
        }, kestrel: true);
        await app.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("UA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = app.ServerAddress.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        var email = $"bench-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(SignedInClient.DefaultPassword);
        await page.GetByTestId("register-submit").ClickAsync();
        // Polled, not awaited as an event: WaitForURLAsync can miss a navigation (docs/testing.md, "Waiting for an address").
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[a-z]+://[^/]+/(?:[?#].*)?$"), new() { Timeout = 30_000 });

        await using (var db = await app.CreateDbContextAsync())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Set<SavedSearch>().Add(new SavedSearch
            {
                Id = Guid.CreateVersion7(), UserId = userId, Name = "Bench", Query = "albenchword", FilterKey = "bench",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        app.Services.GetRequiredService<SearchMatcher>().Invalidate();

        await page.GotoAsync("/upwork/jobs");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.EvaluateAsync(Observer);
        var ingest = app.Services.GetRequiredService<IngestJobPostings>();
        var random = new Random(7);
        var latencies = new List<double>();
        var missed = 0;
        for (var i = -5; i < jobs; i++)   // five warm-up jobs, not counted
        {
            var key = $"albench-{i + 1000}";
            var draft = DemoJobGenerator.Create(random, DateTimeOffset.UtcNow) with
            {
                SourceId = $"bench:{key}:{Guid.NewGuid():N}",
                Title = $"albenchword {key} automation job",
                IsDemo = false,
            };
            var started = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            await ingest.RunAsync([draft], CancellationToken.None);
            double? seen = null;
            var deadline = Stopwatch.StartNew();
            while (seen is null && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                seen = await page.EvaluateAsync<double?>("k => window.__seen[k] ?? null", key);
                if (seen is null) await Task.Delay(20);
            }
            if (i < 0) continue;
            if (seen is null) { missed++; continue; }
            latencies.Add(seen.Value - started);
            await Task.Delay(150);
        }

        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"alert latency, ingest call to DOM (Chromium, SQLite, Jobs page open): {latencies.Count} jobs, {missed} not seen within 10 s, {Environment.ProcessorCount} cores");
        // Rows start with a word: bench/alert-latency.sh drops indented lines (ASP.NET Core's log continuation lines).
        Console.WriteLine($"{"metric",-8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  target");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"latency",-8} {P(0.50),8:F1} {P(0.95),8:F1} {P(0.99),8:F1} {P(1.0),8:F1}  p99 < 500 ms: {(P(0.99) < 500 && missed == 0 ? "pass" : "MISS")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ROW|alert ingest-to-DOM p99 (Chromium, SQLite, {latencies.Count} jobs, {missed} missed)|{P(0.99):F1} ms (p50 {P(0.50):F1})|—|p99 < 500 ms|{(P(0.99) < 500 && missed == 0 ? "pass" : "MISS")}"));
    }
}
