using System.Globalization;
using Microsoft.Playwright;

namespace LoadClient;

/// <summary>
/// Memory per idle Blazor circuit: one signed-in browser context opens N tabs of the Jobs page, one after another, each
/// waited until interactive (so each holds a live circuit), and the app's resident memory is read from /proc every ten
/// tabs. The slope of a least-squares line through those samples is the cost of one more idle circuit.
/// </summary>
internal static class CircuitMemory
{
    public static async Task RunAsync(Uri baseUri, int pid, int pages, string email, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = baseUri.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(60_000);
        var first = await context.NewPageAsync();
        await Browsers.SignInAsync(first, email, password);
        await Browsers.GotoInteractiveAsync(first, "/upwork/jobs");
        await Task.Delay(3000);
        var samples = new List<(int Circuits, double Mb)> { (1, RssMb(pid)) };
        for (var i = 2; i <= pages; i++)
        {
            var page = await context.NewPageAsync();
            await Browsers.GotoInteractiveAsync(page, "/upwork/jobs");
            if (i % 10 == 0 || i == pages)
            {
                await Task.Delay(3000);
                samples.Add((i, RssMb(pid)));
                Console.Error.WriteLine($"{i} circuits: {samples[^1].Mb:F0} MB");
            }
        }
        if (Environment.GetEnvironmentVariable("UA_HOLD_SECONDS") is { } hold) await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold, CultureInfo.InvariantCulture)));
        var n = samples.Count;
        var mx = samples.Average(s => s.Circuits);
        var my = samples.Average(s => s.Mb);
        var slope = samples.Sum(s => (s.Circuits - mx) * (s.Mb - my)) / samples.Sum(s => (s.Circuits - mx) * (s.Circuits - mx));
        var baseline = my - slope * mx;
        var fit = slope > 0 ? (int)((16 * 1024 - baseline) / slope) : int.MaxValue;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"circuits: {pages} Jobs-page tabs in one Chromium, app RSS {samples[0].Mb:F0} MB with 1 circuit, {samples[^1].Mb:F0} MB with {samples[^1].Circuits}; {n} samples");
        HubLoad.Row("memory per idle Jobs-page circuit (slope)", slope.ToString("F2", inv) + " MB", "—", "≤ 3.2 MB", slope <= 3.2);
        HubLoad.Row("idle circuits in 16 GB (projected)", fit.ToString("N0", inv), "1,000 users", "≥ 5,000", fit >= 5000);
    }

    private static double RssMb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();
}
