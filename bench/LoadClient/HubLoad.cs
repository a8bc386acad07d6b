using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LoadClient;

/// <summary>
/// Many hub connections subscribed to their users' alerts while jobs are ingested at a steady rate. Each user (one line
/// of the tokens file: an access token) has a saved search for <see cref="Word"/> with alerts on; each job is pasted by
/// one user, so it must reach every one of that user's connections. The clock starts before the paste request and stops
/// when a connection receives <c>new_job</c>.
/// </summary>
internal static class HubLoad
{
    public const string Word = "hubbenchword";

    public static async Task RunAsync(Uri baseUri, string[] tokens, int perUser, int jobsPerMinute, int seconds)
    {
        tokens = tokens.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray();
        var sent = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var delivered = 0;
        var connections = new List<HubConnection>();
        var clock = Stopwatch.StartNew();
        var connectFailures = 0;
        foreach (var batch in tokens.SelectMany(t => Enumerable.Repeat(t, perUser)).Chunk(50))
        {
            await Task.WhenAll(batch.Select(async token =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(baseUri, "/hubs/notifications"), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(2);
                connection.On<JsonElement>("new_job", payload =>
                {
                    var at = clock.ElapsedTicks;
                    var title = payload.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
                    var key = title.Split(' ').FirstOrDefault(w => w.StartsWith("hb-", StringComparison.Ordinal));
                    if (key is not null && sent.TryGetValue(key, out var start))
                    {
                        latencies.Add((at - start) * 1000.0 / Stopwatch.Frequency);
                        Interlocked.Increment(ref delivered);
                    }
                });
                try
                {
                    await connection.StartAsync();
                    lock (connections) connections.Add(connection);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref connectFailures) <= 3) Console.Error.WriteLine($"hub connect failed: {ex.Message}");
                    await connection.DisposeAsync();
                }
            }));
        }
        Console.Error.WriteLine($"{connections.Count} hub connections open after {clock.Elapsed.TotalSeconds:F1} s");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var interval = TimeSpan.FromMinutes(1) / jobsPerMinute;
        var jobs = (int)(seconds / interval.TotalSeconds);
        var random = new Random(11);
        var postFailures = 0;
        var expected = 0;
        var pending = new List<Task>();
        var started = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++)
        {
            var due = interval * i;
            if (started.Elapsed < due) await Task.Delay(due - started.Elapsed);
            var token = tokens[random.Next(tokens.Length)];
            var key = "hb-" + i.ToString(CultureInfo.InvariantCulture);
            expected += perUser;
            pending.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/upwork/jobs/paste")
                {
                    Content = JsonContent.Create(new { title = $"{Word} {key} realtime dashboard", description = "Hub load benchmark job.", jobType = "fixed", budgetMin = 500, budgetMax = 500, skills = new[] { "C#" } }),
                };
                request.Headers.Authorization = new("Bearer", token);
                sent[key] = clock.ElapsedTicks;
                try
                {
                    using var response = await http.SendAsync(request);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref postFailures);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref postFailures);
                }
            }));
        }
        await Task.WhenAll(pending);
        var wait = Stopwatch.StartNew();
        while (delivered < expected && wait.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(200);
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));

        var sorted = latencies.Order().ToList();
        double P(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var want = tokens.Length * perUser;
        Console.WriteLine($"hub load: {connections.Count} connections ({tokens.Length} users x {perUser}), {jobs} jobs at {jobsPerMinute}/min over {seconds} s, {postFailures} failed pastes");
        Row("hub connections open", $"{connections.Count}", $"{want}", "≥ 1,000 (full run)", connections.Count == want);
        Row("alerts delivered to hub clients", $"{delivered}/{expected}", "every matching alert", "every matching alert", delivered == expected && postFailures == 0);
        Row("ingest-to-hub-client p50", Ms(P(0.50)), "—", "—", null);
        Row("ingest-to-hub-client p99", Ms(P(0.99)), "—", "p99 < 500 ms", P(0.99) < 500);
    }

    private static string Ms(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    internal static void Row(string metric, string value, string spec, string ours, bool? pass) =>
        Console.WriteLine($"ROW|{metric}|{value}|{spec}|{ours}|{(pass is null ? "—" : pass.Value ? "pass" : "MISS")}");
}
