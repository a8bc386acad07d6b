using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Modules.Upwork.Data;

namespace Modules.Upwork.Postings;

/// <summary>
/// How new job postings are written in bulk, per database: each skips the ids another writer stored first, records every
/// row it inserted as not yet announced (<see cref="UnannouncedJobPosting"/>, same transaction) and returns the ids this call
/// inserted (the ingest path learns from it which jobs were new). Chosen once, by the configured database
/// (<see cref="UpworkPostingsServices"/>), instead of a provider branch in the handler.
/// </summary>
internal interface IJobPostingWriter
{
    Task<HashSet<string>> InsertIgnoringDuplicatesAsync(AppDbContext db, List<JobPosting> rows, CancellationToken ct);
}

/// <summary>PostgreSQL: binary <c>COPY</c> into a temp table, then one statement that inserts, skips conflicts and marks.</summary>
internal sealed class PostgresJobPostingWriter : IJobPostingWriter
{
    /// <summary>
    /// PostgreSQL: binary <c>COPY</c> into a session temp table, then one <c>INSERT … SELECT … ON CONFLICT DO NOTHING
    /// RETURNING</c> whose returned rows a second insert of the same statement records in <c>unannounced_jobs</c>
    /// (about twice the rows per second of multi-row parameterised inserts, measured in bench/ingest.sh).
    /// </summary>
    public async Task<HashSet<string>> InsertIgnoringDuplicatesAsync(AppDbContext db, List<JobPosting> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(JobPosting))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetComputedColumnSql() is null).ToList();   // the database fills search_vector
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableSql = sql.DelimitIdentifier(table.Name, table.Schema);
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var keyColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(JobPosting.UpworkJobId))!.GetColumnName(table)!);
        var idColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(JobPosting.Id))!.GetColumnName(table)!);
        var createdColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(JobPosting.CreatedAt))!.GetColumnName(table)!);
        var marks = Unannounced.Describe(db);
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();

        await using (var create = connection.CreateCommand())
        {
            // Identifiers come from the EF model, never from input.
            create.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS ingest_jobs (LIKE {tableSql}) ON COMMIT DELETE ROWS";
            create.Transaction = (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY ingest_jobs ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            var getters = properties.Select(p => (Get: p.GetGetter(), Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var (get, mapping) in getters)
                {
                    var value = get.GetClrValue(row);
                    if (mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, mapping.StoreType, ct);
                }
            }
            await importer.CompleteAsync(ct);
        }
        var won = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.Transaction = (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        // One statement: the rows this call won are marked unannounced in the same pass, no second lookup.
        command.CommandText = $"WITH won AS (INSERT INTO {tableSql} ({columns}) SELECT {columns} FROM ingest_jobs ON CONFLICT ({keyColumn}) DO NOTHING " +
            $"RETURNING {idColumn}, {keyColumn}, {createdColumn}), " +
            $"marked AS (INSERT INTO {marks.Table} ({marks.JobColumn}, {marks.CreatedColumn}) SELECT {idColumn}, {createdColumn} FROM won) " +
            $"SELECT {keyColumn} FROM won";
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) won.Add(reader.GetString(0));
        // DELETE, not TRUNCATE: a temp table's TRUNCATE gives it a new file and rewrites catalog rows on every batch; the
        // few hundred dead rows go at commit anyway (ON COMMIT DELETE ROWS).
        command.CommandText = "DELETE FROM ingest_jobs";
        await command.ExecuteNonQueryAsync(ct);
        return won;
    }
}

/// <summary>
/// SQLite: multi-row parameterised inserts that skip conflicts, 40 rows per statement (SQLite looks bound parameters up
/// by name with a linear scan: thousands per statement turn quadratic).
/// </summary>
internal sealed class SqliteJobPostingWriter : IJobPostingWriter
{
    private const int RowsPerStatement = 40;

    public async Task<HashSet<string>> InsertIgnoringDuplicatesAsync(AppDbContext db, List<JobPosting> rows, CancellationToken ct)
    {
        var won = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in rows.Chunk(RowsPerStatement))
        {
            var inserted = await InsertStatementAsync(db, part, ct);
            won.UnionWith(inserted);
            await MarkStatementAsync(db, part.Where(r => inserted.Contains(r.UpworkJobId)).ToList(), ct);
        }
        return won;
    }

    /// <summary>The rows this call inserted, recorded as not yet announced (two parameters a row).</summary>
    private static async Task MarkStatementAsync(AppDbContext db, List<JobPosting> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var marks = Unannounced.Describe(db);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder($"INSERT INTO {marks.Table} ({marks.JobColumn}, {marks.CreatedColumn}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "" : ", ").Append($"(@j{r}, @c{r})");
            command.Parameters.Add(marks.Job.CreateParameter(command, $"@j{r}", rows[r].Id, nullable: false));
            command.Parameters.Add(marks.Created.CreateParameter(command, $"@c{r}", rows[r].CreatedAt, nullable: false));
        }
        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<HashSet<string>> InsertStatementAsync(AppDbContext db, JobPosting[] rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(JobPosting))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetComputedColumnSql() is null).ToList();   // the database fills search_vector
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableSql = sql.DelimitIdentifier(table.Name, table.Schema);
        var columns = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList();
        var keyColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(JobPosting.UpworkJobId))!.GetColumnName(table)!);

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder($"INSERT INTO {tableSql} ({string.Join(", ", columns)}) VALUES ");
        var n = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < properties.Count; c++)
            {
                var name = $"@p{n++}";
                var property = properties[c];
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(rows[r]), property.IsNullable));
                text.Append(c == 0 ? name : ", " + name);
            }
            text.Append(')');
        }
        text.Append($" ON CONFLICT ({keyColumn}) DO NOTHING RETURNING {keyColumn}");
        command.CommandText = text.ToString();

        var won = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) won.Add(reader.GetString(0));
        return won;
    }
}

/// <summary>Where <see cref="UnannouncedJobPosting"/> rows live, named from the EF model (never from input).</summary>
internal sealed record Unannounced(string Table, string JobColumn, string CreatedColumn, RelationalTypeMapping Job, RelationalTypeMapping Created)
{
    public static Unannounced Describe(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(UnannouncedJobPosting))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var job = entity.FindProperty(nameof(UnannouncedJobPosting.JobPostingId))!;
        var created = entity.FindProperty(nameof(UnannouncedJobPosting.CreatedAt))!;
        return new(sql.DelimitIdentifier(table.Name, table.Schema), sql.DelimitIdentifier(job.GetColumnName(table)!), sql.DelimitIdentifier(created.GetColumnName(table)!),
            (RelationalTypeMapping)job.GetRelationalTypeMapping(), (RelationalTypeMapping)created.GetRelationalTypeMapping());
    }
}
