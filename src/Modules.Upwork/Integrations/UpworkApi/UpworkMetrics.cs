using Prometheus;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>Prometheus counters for the Upwork integration (scraped at <c>/metrics</c>).</summary>
internal static class UpworkMetrics
{
    private static readonly Counter SyncRuns = Metrics.CreateCounter(
        "upwork_sync_runs_total", "Upwork sync runs (saved searches, and proposal statuses per user) by result (ok, error, skipped).", "result");

    private static readonly Counter Requests = Metrics.CreateCounter(
        "upwork_requests_total", "HTTP requests sent to Upwork, each attempt, by operation and HTTP status (0: no response).", "operation", "status");

    private static readonly Counter Ingested = Metrics.CreateCounter(
        "upwork_jobs_ingested_total", "Job postings stored for the first time, by source.", "source");

    private static readonly Counter Matched = Metrics.CreateCounter(
        "upwork_jobs_matched_total", "Job postings that matched at least one saved search (once per job).");

    private static readonly Counter Proposals = Metrics.CreateCounter(
        "proposals_total", "Proposals entering a status (created as draft, moved by the user, synced from Upwork), by status.", "status");

    private static readonly Counter Delivered = Metrics.CreateCounter(
        "alerts_delivered_total", "Alert deliveries to external channels, by channel and result (ok, failed).", "channel", "result");

    private static readonly Histogram AlertLatency = Metrics.CreateHistogram(
        "upwork_alert_latency_seconds", "From a job being stored to its alert being committed and pushed.",
        new HistogramConfiguration { Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static void JobMatched() => Matched.Inc();

    public static void ProposalStatus(string status) => Proposals.WithLabels(status).Inc();

    public static void AlertDelivered(string channel, string result) => Delivered.WithLabels(channel, result).Inc();

    public static void AlertPushed(TimeSpan sinceStored) => AlertLatency.Observe(Math.Max(0, sinceStored.TotalSeconds));

    public static void SyncRun(string result) => SyncRuns.WithLabels(result).Inc();

    public static void Request(string operation, int status) => Requests.WithLabels(operation, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    public static void JobsIngested(string source, int count)
    {
        if (count > 0) Ingested.WithLabels(source).Inc(count);
    }
}
