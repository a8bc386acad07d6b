using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shared.Data;

/// <summary>Ready when the database answers and has no pending migrations.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contexts, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider.ToString();
        var data = new Dictionary<string, object> { ["provider"] = provider };
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy($"{provider} database is unreachable", data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            data["pendingMigrations"] = pending;
            return pending == 0
                ? HealthCheckResult.Healthy($"{provider} database is up to date", data)
                : HealthCheckResult.Unhealthy($"{provider} database has {pending} pending migration(s)", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{provider} database check failed: {ex.GetType().Name}", data: data);
        }
    }
}
