using Modules.Identity.Auth;
using Modules.Identity.Data;
using Quartz;

namespace Modules.Identity.Features.ShowAuditLog;

/// <summary>Keeps the security log bounded in time: events older than <c>Auth:AuditRetentionDays</c> (default 365) are deleted.</summary>
internal sealed class PurgeAuditEvents(IDbContextFactory<AppDbContext> contexts, IOptions<AuthOptions> options, TimeProvider time, ILogger<PurgeAuditEvents> log)
{
    /// <summary>Deletes the events older than the retention; returns how many went.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var days = options.Value.AuditRetentionDays;
        if (days <= 0) return 0;   // 0: kept forever
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // By last occurrence: a collapsed row still receiving repeats inside the retention stays.
        var purged = await db.AuditEvents().Where(e => e.CreatedAt < cutoff && e.LastAt < cutoff).ExecuteDeleteAsync(ct);
        if (purged > 0) log.LogInformation("Purged {Count} security event(s) older than {Days} days", purged, days);
        return purged;
    }
}

/// <summary>Thin Quartz adapter, every 6 hours: the audit retention purge.</summary>
[DisallowConcurrentExecution]
internal sealed class PurgeAuditEventsJob(PurgeAuditEvents purge) : IJob
{
    public static readonly JobKey Key = new("identity.purge-audit-events");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await purge.RunAsync(ct);
}
