using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shared.Hosting;

namespace Shared.Data;

/// <summary>Registers the context factory for the configured provider.</summary>
public static class DatabaseRegistration
{
    /// <summary>The assembly that holds both providers' migrations.</summary>
    public const string MigrationsAssembly = "UpworkAssistant.App";

    /// <summary>The migrations history table name, in the default schema of each provider.</summary>
    public const string HistoryTable = "__ef_migrations_history";

    /// <summary>Adds <see cref="IDbContextFactory{AppDbContext}"/> for the configured provider, and the readiness check.</summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder, ModuleCatalog modules)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var data = DataDirectory.Resolve(builder.Configuration, builder.Environment);
        services.AddSingleton(modules);
        services.AddSingleton(data);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<TableStampOptions>();
        services.AddSingleton<TableStamps>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var cs = builder.Configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set ConnectionStrings__Postgres.");
            services.AddDbContextFactory<AppDbContext>((sp, o) => ConfigurePostgres(o, cs).AddInterceptors(sp.GetRequiredService<TableStamps>()));
        }
        else
        {
            var cs = SqliteConnectionString(builder.Configuration, data);
            services.AddDbContextFactory<SqliteAppDbContext>((sp, o) => ConfigureSqlite(o, cs).AddInterceptors(sp.GetRequiredService<TableStamps>()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, SqliteContextFactory>();
        }

        // ASP.NET Core Identity's EF stores take the context from the request scope; everything else uses the factory.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>PostgreSQL options shared by the app and the design-time factory.</summary>
    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, n => n.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable(HistoryTable, "public"))
         .UseSnakeCaseNamingConvention();

    /// <summary>SQLite options shared by the app and the design-time factory.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable(HistoryTable))
         .UseSnakeCaseNamingConvention()
         .AddInterceptors(SqliteSynchronousNormal.Instance);

    private static string SqliteConnectionString(IConfiguration configuration, DataDirectory data) =>
        configuration.GetConnectionString("Sqlite") is { Length: > 0 } configured
            ? configured
            : $"Data Source={data.File("upwork-assistant.db")};Pooling=True";

    private sealed class SqliteContextFactory(IDbContextFactory<SqliteAppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection: with the WAL journal this is SQLite's recommended
/// setting — a killed process loses nothing (committed transactions are in the WAL), only a power cut or OS crash can
/// undo the last few commits — and it saves an fsync per commit (about 1 ms each on our machines).
/// </summary>
internal sealed class SqliteSynchronousNormal : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteSynchronousNormal Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
