using System.Globalization;
using Quartz;

namespace Modules.Ai.Features.PartitionGenerations;

/// <summary>
/// Keeps monthly partitions of <c>ai.generations</c> created three months ahead on PostgreSQL (docs/specification.md §4,
/// partitioning); idempotent, so every instance may run it. SQLite keeps one table and has nothing to do.
/// </summary>
internal sealed class PartitionGenerations(IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<PartitionGenerations> log)
{
    public const int MonthsAhead = 3;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!db.Database.IsNpgsql()) return 0;
        var now = time.GetUtcNow();
        var created = 0;
        for (var i = 0; i <= MonthsAhead; i++)
        {
            var from = new DateOnly(now.Year, now.Month, 1).AddMonths(i);
            var to = from.AddMonths(1);
            var name = $"generations_{from.ToString("yyyy_MM", CultureInfo.InvariantCulture)}";
            var exists = await db.Database.SqlQueryRaw<int>(
                "SELECT 1 AS \"Value\" FROM pg_tables WHERE schemaname = 'ai' AND tablename = {0}", name).AnyAsync(ct);
            if (exists) continue;
            // Table names cannot be parameters; the name is built from a date here, never from input.
            var sql = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS ai.{name} PARTITION OF ai.generations FOR VALUES FROM ('{from:yyyy-MM-dd}') TO ('{to:yyyy-MM-dd}')");
            await db.Database.ExecuteSqlRawAsync(sql, ct);
            created++;
        }
        if (created > 0) log.LogInformation("Created {Count} monthly partition(s) of ai.generations", created);
        return created;
    }
}

/// <summary>Thin Quartz adapter, daily (and at start).</summary>
[DisallowConcurrentExecution]
internal sealed class PartitionGenerationsJob(PartitionGenerations partitions) : IJob
{
    public static readonly JobKey Key = new("ai.partition-generations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await partitions.RunAsync(ct);
}
