using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using FakeAi;
using TestSupport;

// Time to first token (TTFT) the app adds over the provider, and the latency of a cached letter.
// The app runs in Release on real Kestrel (SQLite, or PostgreSQL when UA_TEST_POSTGRES is set), the provider is the fake
// OpenAI server on loopback; each sample is one streamed letter. "Added" pairs each app sample with a direct sample.
// First the letters themselves (issue 19): the offline writer over the evaluation set, with the same figures the unit
// test asserts, so a change that makes letters worse shows in every run. `bench/ai.sh letters` stops after this part.
using (var embedder = new Modules.Ai.Models.MiniLmEmbedder())
{
    var run = await Evaluation.LetterEvaluation.RunAsync(embedder);
    Console.Write(Evaluation.LetterEvaluation.Report(run));
    var l = run.Letters;
    string LetterRow(string metric, string value, string target, bool pass) => $"ROW|Letters {metric}|{value}|—|{target}|{(pass ? "pass" : "MISS")}";
    Console.WriteLine(LetterRow("within length", $"{l.Count(x => x.WithinLength)}/{l.Count}", "all", l.All(x => x.WithinLength)));
    Console.WriteLine(LetterRow("no missing-skill claim", $"{l.Count(x => x.Unsupported.Count == 0)}/{l.Count}", "all", l.All(x => x.Unsupported.Count == 0)));
    Console.WriteLine(LetterRow("no injected order obeyed", $"{l.Count(x => x.Obeyed.Count == 0)}/{l.Count}", "all", l.All(x => x.Obeyed.Count == 0)));
    Console.WriteLine(LetterRow("must-address coverage (min)", l.Min(x => x.Coverage).ToString("P0", CultureInfo.InvariantCulture), ">= 70 %", l.All(x => x.Coverage >= Evaluation.LetterEvaluation.CoverageBar)));
    Console.WriteLine(LetterRow("5-gram Jaccard (max pair)", run.MaxJaccard.ToString("0.000", CultureInfo.InvariantCulture), "<= 0.35", run.MaxJaccard <= Evaluation.LetterEvaluation.JaccardBar));
    Console.WriteLine(LetterRow("rubric good > generic", $"{run.Ranking.Count(r => r.Good > r.Generic)}/{run.Ranking.Count}", "all", run.Ranking.All(r => r.Good > r.Generic)));
}
if (args.Length > 0 && args[0] == "letters") return;

var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var database = Environment.GetEnvironmentVariable("UA_TEST_POSTGRES") is null ? DatabaseKind.Sqlite : DatabaseKind.Postgres;
await using var fake = await FakeAiServer.StartAsync();
fake.Script.ChunkDelay = TimeSpan.Zero;
await using var app = new AppFactory(database, new Dictionary<string, string?>
{
    ["Ai:ProviderOrder"] = "openai,offline",
    ["Ai:OpenAI:BaseUrl"] = fake.OpenAIEndpoint,
    ["Ai:OpenAI:ApiKey"] = FakeAiOptions.DefaultOpenAIKey,
    ["Ai:MonthlySpendingCapUsd"] = "0",
    ["Plans:AiGenerationsPerMonth:free"] = "100000000",
    ["Upwork:Demo:Enabled"] = "false",
    ["Api:RateLimit:PerIpPerMinute"] = "1000000",
    ["Api:RateLimit:PerUserPerMinute"] = "1000000",
    ["Logging:LogLevel:Default"] = "Warning",
}, kestrel: true);
await app.StartAsync();
var user = await app.CreateSignedInClientAsync();
var http = new HttpClient { BaseAddress = app.ServerAddress };
http.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
var job = await (await http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = "Python ETL pipeline", description = "We need Python and Django.", skills = new[] { "Python" } }))
    .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
var jobId = job.GetProperty("data").GetProperty("id").GetGuid();
var direct = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };
direct.DefaultRequestHeaders.Authorization = new("Bearer", FakeAiOptions.DefaultOpenAIKey);

async Task<double> FirstChunkAsync(HttpClient client, string path, object body, string marker)
{
    var clock = Stopwatch.StartNew();
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    double? first = null;
    while (await reader.ReadLineAsync() is { } line)
        if (first is null && line.StartsWith(marker, StringComparison.Ordinal)) first = clock.Elapsed.TotalMilliseconds;
    return first ?? throw new InvalidOperationException("no text arrived");
}

var providerBody = new { model = "gpt-4o", stream = true, messages = new[] { new { role = "user", content = "Write a cover letter." } } };
var appBody = new { jobPostingId = jobId, regenerate = true };
for (var i = 0; i < 20; i++)   // warm-up: JIT, pools, first queries
{
    await FirstChunkAsync(direct, "/v1/chat/completions", providerBody, "data: {\"id\"");
    await FirstChunkAsync(http, "/api/v1/ai/generate-cover-letter/stream", appBody, "event: ai_progress");
}
var providerTtft = new List<double>();
var appTtft = new List<double>();
for (var i = 0; i < samples; i++)
{
    providerTtft.Add(await FirstChunkAsync(direct, "/v1/chat/completions", providerBody, "data: {\"id\""));
    appTtft.Add(await FirstChunkAsync(http, "/api/v1/ai/generate-cover-letter/stream", appBody, "event: ai_progress"));
}
var added = appTtft.Zip(providerTtft, (a, p) => a - p).ToList();

var cachedBody = new { jobPostingId = jobId };
await http.PostAsJsonAsync("/api/v1/ai/generate-cover-letter", cachedBody);   // fills the cache
var cached = new List<double>();
for (var i = 0; i < samples + 20; i++)
{
    var clock = Stopwatch.StartNew();
    using var response = await http.PostAsJsonAsync("/api/v1/ai/generate-cover-letter", cachedBody);
    await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    if (i >= 20) cached.Add(clock.Elapsed.TotalMilliseconds);
}

// For scale: the cheapest authenticated API call (one small DB read) through the same pipeline.
var baseline = new List<double>();
for (var i = 0; i < samples + 20; i++)
{
    var clock = Stopwatch.StartNew();
    using var response = await http.GetAsync("/api/v1/ai/settings");
    await response.Content.ReadAsByteArrayAsync();
    if (i >= 20) baseline.Add(clock.Elapsed.TotalMilliseconds);
}

static double P(List<double> values, double q)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

Console.WriteLine($"AI latency benchmark: {samples} samples each, {database}, {Environment.ProcessorCount} cores, Release, fake OpenAI on loopback");
Console.WriteLine($"{"metric",-44} {"p50 ms",8} {"p95 ms",8} {"target",12} {"result",7}");
void Row(string name, List<double> v, double? target)
{
    Console.WriteLine($"{name,-44} {P(v, 0.5),8:F2} {P(v, 0.95),8:F2} {(target is { } t ? $"p95 < {t} ms" : "—"),12} {(target is { } t2 ? P(v, 0.95) < t2 ? "pass" : "MISS" : ""),7}");
    // For bench/run: ROW|metric|value|spec target|our target|result
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"ROW|AI {name} p95 ({database})|{P(v, 0.95):F2} ms (p50 {P(v, 0.5):F2})|—|{(target is { } t3 ? $"p95 < {t3} ms" : "—")}|{(target is { } t4 ? P(v, 0.95) < t4 ? "pass" : "MISS" : "—")}"));
}
Row("provider TTFT, direct", providerTtft, null);
Row("TTFT through the app (SSE, cache bypassed)", appTtft, null);
Row("TTFT added by the app", added, 20);
Row("cached letter, whole request", cached, 5);
Row("for scale: GET /api/v1/ai/settings", baseline, null);
