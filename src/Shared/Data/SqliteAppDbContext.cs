using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;
using Shared.Hosting;

namespace Shared.Data;

/// <summary>
/// The embedded-default context. Same model as <see cref="AppDbContext"/>; SQLite has no schemas, so
/// <c>schema.table</c> becomes <c>schema_table</c>, and <see cref="DateTimeOffset"/> is stored as a sortable integer.
/// Owns its own migrations (one set cannot serve both providers).
/// </summary>
public class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ModuleCatalog modules)
    : AppDbContext(options, modules)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // tsvector columns serve PostgreSQL's full-text search; SQLite has FTS5 tables instead.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(NpgsqlTsVector)).ToList())
            {
                foreach (var index in property.GetContainingIndexes().ToList()) entity.RemoveIndex(index);
                entity.RemoveProperty(property);
            }
        }
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var schema = entity.GetSchema();
            var table = entity.GetTableName();
            if (schema is null || table is null) continue;
            entity.SetTableName($"{schema}_{table}");
            entity.SetSchema(null);
        }
    }
}
