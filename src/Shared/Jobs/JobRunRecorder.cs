using Microsoft.EntityFrameworkCore;
using Quartz;
using Shared.Data;

namespace Shared.Jobs;

/// <summary>
/// Records each Quartz job's outcome in <see cref="JobRun"/> after it runs. A run stopped because the host is shutting
/// down is not an outcome and is not recorded; a failure to record is logged and never fails the job.
/// </summary>
internal sealed class JobRunRecorder(IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<JobRunRecorder> log) : IJobListener
{
    public const int MaxError = 500;

    public string Name => "job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        // Quartz wraps what the job threw (JobExecutionException around JobExecutionProcessException): keep the job's own.
        Exception? error = jobException;
        while (error is SchedulerException { InnerException: { } inner }) error = inner;
        if (error is OperationCanceledException && context.CancellationToken.IsCancellationRequested) return;   // stopped, not failed
        var key = context.JobDetail.Key.ToString();
        var now = time.GetUtcNow();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var run = await db.Set<JobRun>().FindAsync([key], cancellationToken);
            if (run is null) db.Set<JobRun>().Add(run = new JobRun { JobKey = key });
            run.LastRunAt = now;
            run.LastDurationMs = context.JobRunTime.TotalMilliseconds;
            if (error is null) run.LastSucceededAt = now;
            else
            {
                run.LastFailedAt = now;
                var text = $"{error.GetType().Name}: {error.Message}";
                run.LastError = text.Length > MaxError ? text[..MaxError] : text;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Two instances recording the same job's first run at once: one insert wins, the next run records again.
            log.LogWarning(ex, "Could not record the outcome of job {Job}", key);
        }
    }
}

/// <summary>Every job's last recorded outcome (<see cref="JobRun"/>), keyed by job key, for the admin System page.</summary>
public interface IJobRunHistory
{
    /// <summary>The recorded outcomes of every job that has run on any instance.</summary>
    Task<IReadOnlyDictionary<string, JobRun>> AllAsync(CancellationToken ct);
}

internal sealed class JobRunHistory(IDbContextFactory<AppDbContext> contexts) : IJobRunHistory
{
    public async Task<IReadOnlyDictionary<string, JobRun>> AllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<JobRun>().AsNoTracking().ToDictionaryAsync(r => r.JobKey, StringComparer.Ordinal, ct);
    }
}
