using Contracts.Upwork;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Shared.Data;
using Shared.Health;
using Shared.Jobs;

namespace Modules.Identity.Features.ShowSystemStatus;

/// <summary>
/// The admin System page's data (docs/features.md, "System"): dependencies from <see cref="DependencyMonitor"/>, Quartz
/// triggers with their fire times, and the Upwork module's outbox and syncs through <see cref="IUpworkOperations"/>.
/// </summary>
internal sealed class ShowSystemStatus(DependencyMonitor monitor, ISchedulerFactory schedulers, IUpworkOperations upwork,
    IJobRunHistory jobRuns, TimeProvider time)
{
    public const int MaxSearches = 50;

    /// <summary>The current picture; <paramref name="recheck"/> runs the readiness checks first instead of using the last result.</summary>
    public async Task<SystemStatusView> ShowAsync(bool recheck, CancellationToken ct)
    {
        if (recheck || monitor.LastCheckedAt is null) await monitor.CheckNowAsync(ct);
        // The outbox, syncs and job outcomes live in the database: while it is down, the rest of the page still answers.
        UpworkOperationsSnapshot? ops = null;
        string? opsError = null;
        IReadOnlyDictionary<string, JobRun> runs = new Dictionary<string, JobRun>();
        if (monitor.DatabaseDown) opsError = "The database is unreachable, so the outbox, syncs and job outcomes cannot be read.";
        else
        {
            try
            {
                ops = await upwork.SnapshotAsync(MaxSearches, ct);
                runs = await jobRuns.AllAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { opsError = $"Could not read the outbox and syncs: {ex.GetType().Name}"; }
        }
        var triggers = await TriggersAsync(runs, ct);
        // The purge's last recorded success (not when its trigger fired: a run that failed did not purge anything).
        var lastPurge = triggers.Where(t => t.Job.Contains("purge", StringComparison.OrdinalIgnoreCase)).Max(t => t.LastSucceededAt);
        return new SystemStatusView(time.GetUtcNow(), monitor.LastCheckedAt,
            monitor.Dependencies.Select(d => new DependencyView(d.Name, d.Healthy, d.Description)).ToList(),
            triggers, lastPurge, ops, opsError);
    }

    private async Task<IReadOnlyList<TriggerView>> TriggersAsync(IReadOnlyDictionary<string, JobRun> runs, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct);
        var views = new List<TriggerView>();
        foreach (var key in keys)
        {
            if (await scheduler.GetTrigger(key, ct) is not { } trigger) continue;
            var state = await scheduler.GetTriggerState(key, ct);
            var run = runs.GetValueOrDefault(trigger.JobKey.ToString());
            views.Add(new TriggerView(trigger.JobKey.ToString(), key.ToString(), state.ToString(), trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc,
                run?.LastSucceededAt, run?.LastFailedAt, run?.LastError));
        }
        return views.OrderBy(v => v.Job, StringComparer.Ordinal).ThenBy(v => v.Trigger, StringComparer.Ordinal).ToList();
    }
}

/// <summary>Everything the System page shows; <paramref name="UpworkError"/> says why <paramref name="Upwork"/> is missing.</summary>
internal sealed record SystemStatusView(DateTimeOffset At, DateTimeOffset? CheckedAt, IReadOnlyList<DependencyView> Dependencies,
    IReadOnlyList<TriggerView> Triggers, DateTimeOffset? LastPurgeAt, UpworkOperationsSnapshot? Upwork, string? UpworkError);

internal sealed record DependencyView(string Name, bool Healthy, string? Description);

/// <summary>
/// A Quartz trigger; <paramref name="PreviousFireAt"/> is null before it first fired on this scheduler. The job's last
/// recorded success and failure (any instance) come from <see cref="JobRun"/>; <paramref name="LastError"/> is the last failure's.
/// </summary>
internal sealed record TriggerView(string Job, string Trigger, string State, DateTimeOffset? NextFireAt, DateTimeOffset? PreviousFireAt,
    DateTimeOffset? LastSucceededAt, DateTimeOffset? LastFailedAt, string? LastError);

internal static class ShowSystemStatusEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddShowSystemStatus(this IServiceCollection services)
    {
        services.AddTransient<ShowSystemStatus>();
        return services;
    }

    public static RouteGroupBuilder MapShowSystemStatus(this RouteGroupBuilder admin)
    {
        admin.MapGet("/system", async (bool? recheck, ShowSystemStatus status, CancellationToken ct) => ApiResults.Ok(await status.ShowAsync(recheck ?? false, ct)))
            .WithSummary("Database and Redis status, Quartz triggers, alert outbox backlog and last sync per saved search (admins only)");
        return admin;
    }
}
