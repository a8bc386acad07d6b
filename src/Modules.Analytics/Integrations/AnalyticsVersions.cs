using Contracts.Upwork.Events;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Modules.Analytics.Data;
using Shared.Events;
using Shared.Live;

namespace Modules.Analytics.Integrations;

/// <summary>
/// A per-user version stamp in every dashboard cache key: bumping it makes every cached view of that user's numbers
/// stale at once, on every instance (<see cref="CacheStamps"/>: Redis when configured, memory otherwise).
/// </summary>
internal sealed class AnalyticsVersions(CacheStamps stamps)
{
    /// <summary>The stamp of the team view, bumped whenever anyone's proposals change.</summary>
    public static readonly Guid Team = Guid.Empty;

    /// <summary>The stamp of everyone's views, bumped when the rollups are rebuilt.</summary>
    private static readonly Guid All = Guid.AllBitsSet;

    private static string Scope(Guid userId) => $"analytics:{userId:N}";

    public async Task<string> GetAsync(Guid userId, CancellationToken ct) => $"{await StampAsync(All)}.{await StampAsync(userId)}";

    // Unreadable (Redis down): a stamp no entry has, so the view is computed fresh rather than served stale.
    private async Task<string> StampAsync(Guid userId) =>
        (await stamps.GetAsync(Scope(userId)))?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Guid.NewGuid().ToString("N");

    /// <summary>Makes every user's cached views stale (after a rebuild of the rollups).</summary>
    public Task BumpAllAsync(CancellationToken ct) => BumpAsync(All, ct);

    public Task BumpAsync(Guid userId, CancellationToken ct) => stamps.BumpAsync(Scope(userId), ct);
}

/// <summary>A user's proposals changed: their dashboard is recomputed on the next read.</summary>
internal sealed class ForgetDashboardOnProposalChange(AnalyticsVersions versions) : IEventHandler<ProposalsChanged>
{
    public async Task HandleAsync(ProposalsChanged e, CancellationToken ct)
    {
        await versions.BumpAsync(e.UserId, ct);
        await versions.BumpAsync(AnalyticsVersions.Team, ct);
    }
}

/// <summary>
/// Counts new jobs into <c>jobs_found</c> for their day, so the number survives Upwork's 24-hour retention: one
/// atomic <c>INSERT … ON CONFLICT DO UPDATE SET value = value + n</c> per day and metric of an ingest batch, so
/// instances counting at once never lose an increment (a read-then-write per job was the ingest bottleneck).
/// It runs inside the ingest's own transaction (<see cref="IInTransactionEventHandler{TEvent}"/>): the count commits
/// with the rows it counts, so a process killed after the commit neither loses it nor counts it again when the
/// missed announcements are replayed (issue 18).
/// </summary>
internal sealed class CountDiscoveredJobs(TimeProvider time) : IInTransactionEventHandler<JobPostingsBatchDiscovered>, IInTransactionEventHandler<JobPostingsReachedUser>
{
    public async Task HandleAsync(JobPostingsBatchDiscovered e, AppDbContext db, CancellationToken ct) =>
        await AddAsync(db, e.Jobs.GroupBy(j => DateOnly.FromDateTime(j.DiscoveredAt.UtcDateTime))
            .SelectMany(day => new[]
            {
                (Day: day.Key, Metric: DailyMetrics.JobsFound, Count: day.Count()),
                (Day: day.Key, Metric: DailyMetrics.DemoJobsFound, Count: day.Count(j => j.Source == "demo")),
            }).ToList(), ct);

    /// <summary>Jobs that reached one user (their own fetch, paste or webhook) count on their own dashboard.</summary>
    public async Task HandleAsync(JobPostingsReachedUser e, AppDbContext db, CancellationToken ct) =>
        await AddAsync(db, [(DateOnly.FromDateTime(e.At.UtcDateTime), DailyMetrics.JobsFoundBy(e.UserId), e.JobPostingIds.Count)], ct);

    private async Task AddAsync(AppDbContext db, List<(DateOnly Day, string Metric, int Count)> all, CancellationToken ct)
    {
        var counts = all.Where(c => c.Count > 0).ToList();
        if (counts.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(DailyMetric))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var (day, metric, value, updated) = (Column(nameof(DailyMetric.Day)), Column(nameof(DailyMetric.Metric)), Column(nameof(DailyMetric.Value)), Column(nameof(DailyMetric.UpdatedAt)));
        // Identifiers come from the EF model; values are parameters. Both PostgreSQL and SQLite (3.24+) speak this upsert.
        var statement = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} AS m ({day}, {metric}, {value}, {updated}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) "
            + $"ON CONFLICT ({day}, {metric}) DO UPDATE SET {value} = m.{value} + excluded.{value}, {updated} = excluded.{updated}";
        var now = time.GetUtcNow();
        foreach (var c in counts) await db.Database.ExecuteSqlRawAsync(statement, [c.Day, c.Metric, (decimal)c.Count, now], ct);
    }
}
