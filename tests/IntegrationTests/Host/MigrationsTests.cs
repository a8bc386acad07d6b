using Microsoft.EntityFrameworkCore;
using Shared.Data;
using UpworkAssistant.App.Data;

namespace IntegrationTests.Host;

/// <summary>A model change without a migration for either provider fails here, before it can fail a deployment.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void PostgreSQL_migrations_are_up_to_date_with_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Module>_<Change> --project src/App --context AppDbContext --output-dir Data/Migrations/Postgres");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void SQLite_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Module>_<Change> --project src/App --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void Both_providers_have_the_same_migration_names()
    {
        using var pg = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var lite = new SqliteDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(AppDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Names(pg).ShouldBe(Names(lite));
    }
}
