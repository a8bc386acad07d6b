using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Modules.Upwork.Data;

namespace Modules.Upwork.Postings;

/// <summary>
/// Who may see a job (issue 16: Upwork content reaches a user only through their own authorization). A user sees
/// demo jobs, their own pasted and webhook jobs (<see cref="JobPosting.OwnerUserId"/>), jobs they have a
/// <see cref="JobAccess"/> row for (their own connection fetched it, or they pasted it or a webhook of theirs sent it),
/// and jobs fetched by a connection an admin shared with them (<see cref="ConnectionShare"/>). Nothing else: every read
/// of a job on a user's behalf goes through <see cref="VisibleTo"/> or <see cref="CanSeeAsync"/>, and a job a user may
/// not see answers as if it did not exist (404).
/// </summary>
internal static class JobVisibility
{
    /// <summary>The jobs <paramref name="userId"/> may see (null: nobody's in particular, so demo jobs only).</summary>
    public static IQueryable<JobPosting> VisibleTo(this IQueryable<JobPosting> jobs, AppDbContext db, Guid? userId)
    {
        if (userId is not { } user) return jobs.Where(j => j.IsDemo);
        var sharedWithMe = db.ConnectionShares().Where(s => s.MemberUserId == user).Select(s => s.OwnerUserId);
        // A correlated EXISTS (one primary-key probe per candidate job), not "id IN (every job the user was granted)":
        // that set was hashed per query (every access row of the user read, spilled to disk at 300,000) or, worse,
        // rescanned per candidate row (docs/benchmarks.md, "search plans").
        var access = db.JobAccess();
        return jobs.Where(j => j.IsDemo || j.OwnerUserId == user
            || access.Any(a => a.JobPostingId == j.Id && (a.UserId == user || (a.Via == JobAccessVia.Fetch && sharedWithMe.Contains(a.UserId)))));
    }

    public static Task<bool> CanSeeAsync(AppDbContext db, Guid jobPostingId, Guid userId, CancellationToken ct) =>
        db.JobPostings().Where(j => j.Id == jobPostingId).VisibleTo(db, userId).AnyAsync(ct);

    /// <summary>Everyone who may see <paramref name="job"/> now; null when everyone may (a demo job).</summary>
    public static async Task<HashSet<Guid>?> AudienceAsync(AppDbContext db, JobPosting job, CancellationToken ct)
    {
        if (job.IsDemo) return null;
        var audience = new HashSet<Guid>();
        if (job.OwnerUserId is { } owner) audience.Add(owner);
        var rows = await db.JobAccess().AsNoTracking().Where(a => a.JobPostingId == job.Id).Select(a => new { a.UserId, a.Via }).ToListAsync(ct);
        audience.UnionWith(rows.Select(r => r.UserId));
        var fetchers = rows.Where(r => r.Via == JobAccessVia.Fetch).Select(r => r.UserId).Distinct().ToList();
        if (fetchers.Count > 0)
            audience.UnionWith(await db.ConnectionShares().AsNoTracking().Where(s => fetchers.Contains(s.OwnerUserId)).Select(s => s.MemberUserId).ToListAsync(ct));
        return audience;
    }

    /// <summary>The user and the teammates their connection is shared with: who gains sight of what the user's connection fetches.</summary>
    public static async Task<List<Guid>> WithTeammatesAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        (await db.ConnectionShares().AsNoTracking().Where(s => s.OwnerUserId == userId).Select(s => s.MemberUserId).ToListAsync(ct)).Prepend(userId).Distinct().ToList();

    /// <summary>
    /// Records that <paramref name="userId"/> got the jobs stored under <paramref name="sourceIds"/> by
    /// <paramref name="via"/>, in the caller's transaction (insert-or-ignore: concurrent writers cannot fail it). Returns
    /// the jobs the user could not see through any row of their own before.
    /// </summary>
    public static async Task<List<Guid>> GrantAsync(AppDbContext db, Guid userId, string via, IReadOnlyCollection<string> sourceIds, DateTimeOffset now, CancellationToken ct)
    {
        if (sourceIds.Count == 0) return [];
        var ids = await db.JobPostings().Where(j => sourceIds.Contains(j.UpworkJobId)).Select(j => j.Id).ToListAsync(ct);
        var had = await db.JobAccess().Where(a => a.UserId == userId && ids.Contains(a.JobPostingId)).Select(a => new { a.JobPostingId, a.Via }).ToListAsync(ct);
        var missing = ids.Except(had.Where(h => h.Via == via).Select(h => h.JobPostingId)).ToList();
        if (missing.Count == 0) return [];

        var entity = db.Model.FindEntityType(typeof(JobAccess))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = new[] { nameof(JobAccess.JobPostingId), nameof(JobAccess.UserId), nameof(JobAccess.Via), nameof(JobAccess.GrantedAt) }
            .Select(n => entity.FindProperty(n)!).ToList();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        foreach (var chunk in missing.Chunk(100))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ");
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                object[] values = [chunk[r], userId, via, now];
                for (var c = 0; c < properties.Count; c++)
                {
                    var name = $"@g{n++}";
                    // Through the property's own mapping, so SQLite's stored form of a DateTimeOffset (a converter) is kept.
                    command.Parameters.Add(((RelationalTypeMapping)properties[c].GetRelationalTypeMapping()).CreateParameter(command, name, values[c], nullable: false));
                    text.Append(c == 0 ? name : ", " + name);
                }
                text.Append(')');
            }
            text.Append(" ON CONFLICT DO NOTHING");
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
        var before = had.Select(h => h.JobPostingId).ToHashSet();
        return missing.Where(id => !before.Contains(id)).ToList();
    }
}
