using System.Diagnostics;
using Modules.Upwork.Data;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Searches;

/// <summary>Time to match one new job against N saved searches (target: 10,000 searches in under 5 ms per job).</summary>
internal static class MatcherBench
{
    private static readonly string[] Words =
    [
        "python", "django", "react", "typescript", ".net", "c#", "blazor", "flutter", "kotlin", "swift", "logo", "seo", "wordpress", "shopify",
        "power", "bi", "sql", "kubernetes", "terraform", "aws", "translation", "spanish", "copywriting", "scraping", "machine", "learning", "llm",
        "figma", "ux", "dashboard", "api", "automation", "excel", "marketing", "ads", "video", "editing", "data", "entry", "assistant",
    ];

    public static void Run(int searchCount)
    {
        var random = new Random(7);
        var searches = Enumerable.Range(0, searchCount).Select(i =>
        {
            var s = new SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = $"s{i}", FilterKey = "k" };
            s.Query = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Words[random.Next(Words.Length)]));
            if (random.NextDouble() < 0.2) s.Skills = [Words[random.Next(Words.Length)]];
            if (random.NextDouble() < 0.3) s.HourlyMin = random.Next(10, 60);
            if (random.NextDouble() < 0.3) s.BudgetMin = random.Next(100, 2000);
            if (random.NextDouble() < 0.2) s.PaymentVerifiedOnly = true;
            if (random.NextDouble() < 0.1) s.CountriesExclude = ["India"];
            return new CompiledSearch(s);
        }).ToList();
        var build = Stopwatch.StartNew();
        var index = new SearchIndex(searches);
        build.Stop();

        var now = DateTimeOffset.UtcNow;
        var jobs = Enumerable.Range(0, 2_000).Select(_ =>
        {
            var d = DemoJobGenerator.Create(random, now);
            return new JobPosting
            {
                Id = Guid.NewGuid(), UpworkJobId = d.SourceId, Title = d.Title, Description = d.Description, Skills = [.. d.Skills], JobType = d.JobType,
                BudgetMin = d.BudgetMin, BudgetMax = d.BudgetMax, ExperienceLevel = d.ExperienceLevel, Category = d.Category, ContentHash = "",
                ClientInfo = System.Text.Json.JsonSerializer.Serialize(d.Client, System.Text.Json.JsonSerializerOptions.Web),
            };
        }).ToList();
        foreach (var job in jobs.Take(200)) index.Match(SearchIndex.Facts(job));   // warm-up

        var times = new List<double>(jobs.Count);
        var matches = 0L;
        foreach (var job in jobs)
        {
            var clock = Stopwatch.StartNew();
            matches += index.Match(SearchIndex.Facts(job)).Count;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"matcher benchmark: {searchCount:N0} saved searches, {jobs.Count:N0} jobs, {Environment.ProcessorCount} cores; index built in {build.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"{"metric",-28} {"value",10} {"target",10}");
        Console.WriteLine($"{"per job p50 (ms)",-28} {P(0.50),10:F3} {"",10}");
        Console.WriteLine($"{"per job p99 (ms)",-28} {P(0.99),10:F3} {"< 5",10}");
        Console.WriteLine($"{"matches per job (mean)",-28} {matches / (double)jobs.Count,10:F1} {"",10}");
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"ROW|matcher: one job against {searchCount:N0} saved searches p99|{P(0.99):F3} ms (p50 {P(0.50):F3})|—|< 5 ms|{(P(0.99) < 5 ? "pass" : "MISS")}"));
    }
}
