using Modules.Upwork.Data;
using NpgsqlTypes;

namespace Modules.Upwork.Postings;

/// <summary>
/// Full-text matching of job postings, per database: PostgreSQL's stored <c>tsvector</c> (with ranking and the planner's
/// estimate), SQLite's FTS5 table. Any text is safe: words are passed as data, never spliced into SQL or the full-text
/// syntax. Chosen once, by the configured database (<see cref="UpworkPostingsServices"/>).
/// </summary>
internal interface IJobPostingTextSearch
{
    /// <summary>
    /// The postings whose text holds every word; ordered by relevance (newest first among equals) when
    /// <paramref name="byRelevance"/> and the database can rank, which <see cref="TextMatch.Ranked"/> then says.
    /// </summary>
    TextMatch Match(AppDbContext db, IQueryable<JobPosting> postings, IReadOnlyList<string> words, bool byRelevance);

    /// <summary>The planner's row estimate for <paramref name="postings"/>, or null where the database offers none.</summary>
    Task<double?> EstimateAsync(AppDbContext db, IQueryable<JobPosting> postings, CancellationToken ct);
}

/// <summary>Matching postings, and whether they are already in relevance order.</summary>
internal sealed record TextMatch(IQueryable<JobPosting> Postings, bool Ranked);

/// <summary>PostgreSQL: <c>plainto_tsquery</c> over the stored <c>search_vector</c> (GIN-indexed), ranked with <c>ts_rank</c>.</summary>
internal sealed class PostgresJobPostingTextSearch : IJobPostingTextSearch
{
    public TextMatch Match(AppDbContext db, IQueryable<JobPosting> postings, IReadOnlyList<string> words, bool byRelevance)
    {
        // plainto_tsquery: every word required, punctuation and operators taken literally.
        var tsQuery = string.Join(' ', words);
        postings = postings.Where(j => EF.Property<NpgsqlTsVector>(j, JobPostingConfiguration.SearchVector)
            .Matches(EF.Functions.PlainToTsQuery("english", tsQuery)));
        if (!byRelevance) return new(postings, Ranked: false);
        return new(postings.OrderByDescending(j => EF.Property<NpgsqlTsVector>(j, JobPostingConfiguration.SearchVector)
            .Rank(EF.Functions.PlainToTsQuery("english", tsQuery))).ThenByDescending(j => j.PostedAt), Ranked: true);
    }

    /// <summary>EXPLAIN plans the query without running it: well under a millisecond.</summary>
    public async Task<double?> EstimateAsync(AppDbContext db, IQueryable<JobPosting> postings, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = postings.Select(j => j.Id).CreateDbCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        var plan = await command.ExecuteScalarAsync(ct) as string;
        if (plan is null) return 0;
        using var json = System.Text.Json.JsonDocument.Parse(plan);
        return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}

/// <summary>SQLite: the FTS5 table <c>upwork_jobs_fts</c>, each word quoted and matched as a prefix; no ranking, no estimate.</summary>
internal sealed class SqliteJobPostingTextSearch : IJobPostingTextSearch
{
    public TextMatch Match(AppDbContext db, IQueryable<JobPosting> postings, IReadOnlyList<string> words, bool byRelevance)
    {
        // Each word quoted (so its syntax cannot be injected) and matched as a prefix.
        var match = string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"") + "\"*"));
        var ids = db.Database.SqlQuery<Guid>($"SELECT j.id AS \"Value\" FROM upwork_jobs AS j JOIN upwork_jobs_fts AS f ON f.rowid = j.rowid WHERE upwork_jobs_fts MATCH {match}");
        return new(postings.Where(j => ids.Contains(j.Id)), Ranked: false);
    }

    public Task<double?> EstimateAsync(AppDbContext db, IQueryable<JobPosting> postings, CancellationToken ct) => Task.FromResult<double?>(null);
}

/// <summary>Registers the database's implementation of each provider-specific piece of the postings core.</summary>
internal static class UpworkPostingsServices
{
    public static IServiceCollection AddPostingsStorage(this IServiceCollection services)
    {
        services.AddSingleton<IJobPostingWriter>(sp => IsPostgres(sp) ? new PostgresJobPostingWriter() : new SqliteJobPostingWriter());
        services.AddSingleton<IJobPostingTextSearch>(sp => IsPostgres(sp) ? new PostgresJobPostingTextSearch() : new SqliteJobPostingTextSearch());
        return services;
    }

    private static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres;
}
