using Quartz;

namespace Shared.Jobs;

/// <summary>
/// On SIGTERM, asks every job running on this instance to stop (Quartz's interrupt cancels the job's token), so the
/// scheduler's "wait for jobs to complete" ends in moments rather than when a job's slowest call gives up. The fault
/// suite found the case (tests/faults/run.sh, scenario 8): an Upwork sync waiting on a slow page held the process for
/// the whole request timeout and its retries, past <c>DOTNET_SHUTDOWNTIMEOUTSECONDS</c>, until the orchestrator's
/// SIGKILL. Nothing is lost by stopping a job early: each commits its work in transactions and the next run (on this
/// instance or another) carries on from what was committed.
/// </summary>
internal sealed class InterruptJobsOnStop(ISchedulerFactory schedulers, ILogger<InterruptJobsOnStop> log) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before any hosted service's <c>StopAsync</c>, Quartz's included.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var scheduler in await schedulers.GetAllSchedulers(cancellationToken))
            {
                // No new run may start behind the interrupts (a sync interrupted and retried a second later would hold
                // the stop again: seen once in 3 fault-suite runs before this line).
                await scheduler.Standby(cancellationToken);
                // Interrupt(JobKey) reaches only this instance's running executions of the job, and is false when none runs.
                foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
                    if (await scheduler.Interrupt(key, cancellationToken))
                        log.LogInformation("Stopping: interrupted the running job {Job}", key);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not interrupt the running jobs; stopping waits for them");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
