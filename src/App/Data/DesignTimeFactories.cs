using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shared.Data;
using Shared.Hosting;

namespace UpworkAssistant.App.Data;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a live app or database.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.ConfigurePostgres(options, "Host=localhost;Database=design_time");
        return new AppDbContext(options.Options, new ModuleCatalog(AppModules.Assemblies));
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options, new ModuleCatalog(AppModules.Assemblies));
    }
}
