namespace Shared.Jobs;

/// <summary>
/// The last outcome of one Quartz job (table <c>identity.job_runs</c>, one row per job key), written by
/// <see cref="JobRunRecorder"/> after every run on any instance, so the admin System page shows when each background job
/// last succeeded, not only when its trigger last fired.
/// </summary>
public sealed class JobRun
{
    /// <summary>The job's key, <c>group.name</c> (e.g. <c>DEFAULT.upwork.purge-expired-job-postings</c>).</summary>
    public string JobKey { get; set; } = "";

    /// <summary>When the last run ended, whatever its outcome.</summary>
    public DateTimeOffset LastRunAt { get; set; }

    /// <summary>When a run last ended without an error; null until one has.</summary>
    public DateTimeOffset? LastSucceededAt { get; set; }

    /// <summary>When a run last failed; null until one has.</summary>
    public DateTimeOffset? LastFailedAt { get; set; }

    /// <summary>The last failure's exception type and message, cut to 500 characters.</summary>
    public string? LastError { get; set; }

    /// <summary>How long the last run took.</summary>
    public double LastDurationMs { get; set; }
}
