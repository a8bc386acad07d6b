using Prometheus;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>Prometheus counters for the Upwork integration (scraped at <c>/metrics</c>).</summary>
internal static class UpworkMetrics
{
    private static readonly Counter SyncRuns = Metrics.CreateCounter(
        "upwork_sync_runs_total", "Upwork search sync runs by result (ok, error, skipped).", "result");

    private static readonly Counter Requests = Metrics.CreateCounter(
        "upwork_requests_total", "HTTP requests sent to Upwork, each attempt, by operation and HTTP status (0: no response).", "operation", "status");

    private static readonly Counter Ingested = Metrics.CreateCounter(
        "upwork_jobs_ingested_total", "Job postings stored for the first time, by source.", "source");

    public static void SyncRun(string result) => SyncRuns.WithLabels(result).Inc();

    public static void Request(string operation, int status) => Requests.WithLabels(operation, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    public static void JobsIngested(string source, int count)
    {
        if (count > 0) Ingested.WithLabels(source).Inc(count);
    }
}
