using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;
using TestSupport;

if (args.FirstOrDefault() == "alerts")
{
    await AlertLatencyBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100);
    return;
}

if (args.FirstOrDefault() == "matcher")
{
    MatcherBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return;
}

// Upserts N realistic jobs through IngestJobPostings (the path every source uses: batched INSERT … ON CONFLICT,
// events after commit), then re-sends them all (every row already stored: the de-duplication path).
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var providers = Environment.GetEnvironmentVariable("UA_TEST_POSTGRES") is null ? [DatabaseKind.Sqlite] : new[] { DatabaseKind.Postgres, DatabaseKind.Sqlite };

Console.WriteLine($"ingest benchmark: {total:N0} jobs in batches of {batch:N0}, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"provider",-10} {"phase",-12} {"jobs",10} {"seconds",9} {"jobs/s",10} {"target",10}");
foreach (var provider in providers)
{
    await using var app = new AppFactory(provider, new Dictionary<string, string?> { ["Upwork:Demo:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning" });
    await app.StartAsync();
    var ingest = app.Services.GetRequiredService<IngestJobPostings>();
    var random = new Random(42);
    var now = DateTimeOffset.UtcNow;
    var drafts = Enumerable.Range(0, total).Select(i => DemoJobGenerator.Create(random, now.AddSeconds(-i)) with { SourceId = $"bench:{i}" }).ToList();

    await ingest.RunAsync(drafts.Take(200).Select(d => d with { SourceId = "warm:" + d.SourceId }).ToList(), CancellationToken.None);   // JIT and pools
    foreach (var phase in new[] { "new", "duplicate" })
    {
        var clock = Stopwatch.StartNew();
        var stored = 0;
        foreach (var chunk in drafts.Chunk(batch)) stored += (await ingest.RunAsync(chunk, CancellationToken.None)).Inserted.Count;
        clock.Stop();
        if (phase == "new" && stored != total) throw new InvalidOperationException($"stored {stored} of {total}");
        if (phase == "duplicate" && stored != 0) throw new InvalidOperationException($"stored {stored} duplicates");
        var rate = total / clock.Elapsed.TotalSeconds;
        var target = provider == DatabaseKind.Postgres && phase == "new" ? "≥ 5,000" : "—";
        Console.WriteLine($"{provider,-10} {phase,-12} {total,10:N0} {clock.Elapsed.TotalSeconds,9:F2} {rate,10:N0} {target,10}");
        var verdict = provider == DatabaseKind.Postgres && phase == "new" ? rate >= 5000 ? "pass" : "MISS" : "—";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ROW|ingest {provider} {phase} ({total:N0} jobs, batches of {batch:N0})|{rate:N0} jobs/s|—|{target}|{verdict}"));
    }
}
