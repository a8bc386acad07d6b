using Microsoft.EntityFrameworkCore;

namespace Shared.Data;

/// <summary>Applies pending migrations: at start-up (development, SQLite) or through the <c>migrate</c> command.</summary>
public static class DatabaseMigrator
{
    /// <summary>Whether start-up should migrate, from <see cref="DatabaseOptions.MigrateOnStartup"/>.</summary>
    public static bool ShouldMigrateOnStartup(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        return options.MigrateOnStartup ?? (environment.IsDevelopment() || options.Provider == DatabaseProvider.Sqlite);
    }

    /// <summary>Applies every pending migration of the configured provider.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers (open pages) no longer block the writer (jobs). Persistent in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        log.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
    }
}
