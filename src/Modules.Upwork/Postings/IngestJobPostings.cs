using System.Data.Common;
using System.Text;
using System.Text.Json;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Postings;

/// <summary>
/// The one way a job posting gets stored, whatever its source. New rows go in with
/// <c>INSERT … ON CONFLICT (upwork_job_id) DO NOTHING RETURNING</c> in batches, so concurrent syncs and restarts can
/// never store a job twice and exactly one of them learns it was new; changed rows (content hash) are updated.
/// <c>JobPostingDiscovered</c> (per row, then <c>JobPostingsBatchDiscovered</c> per batch) / <c>JobPostingUpdated</c> are published after commit; a new row is stored
/// with an <see cref="UnannouncedJobPosting"/> marker that is deleted only after its event went out, and
/// <see cref="AnnounceMissedAsync"/> catches up on any a crash left behind (handlers of
/// those events are idempotent). Counters are not: they run inside the ingest transaction
/// (<see cref="IEventBus.PublishInTransactionAsync"/>), so a replay never counts a job twice.
/// </summary>
internal sealed class IngestJobPostings(
    IDbContextFactory<AppDbContext> contexts,
    IEventBus events,
    LiveUpdates live,
    CacheStamps stamps,
    TimeProvider time,
    IJobPostingWriter writer,
    ILogger<IngestJobPostings> log)
{
    private const int BatchSize = 500;

    /// <summary>
    /// Stores the drafts; with <paramref name="grant"/>, the user gains sight of every one of them (new or already
    /// stored for someone else) in the same commit (issue 16: a job reaches a user through their own fetch, paste or webhook).
    /// </summary>
    public async Task<IngestResult> RunAsync(IReadOnlyList<JobPostingDraft> drafts, CancellationToken ct, JobGrant? grant = null)
    {
        var byId = new Dictionary<string, JobPostingDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts.Select(d => d.Normalized())) byId[draft.SourceId] = draft;   // last one wins within a batch
        if (byId.Count == 0) return new IngestResult([], []);

        var inserted = new List<JobPosting>();
        var updated = new List<JobPosting>();
        var reached = new List<Guid>();
        var reachedAt = time.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // One commit for the whole call: a crash leaves all of it or none of it, and one fsync instead of one per statement.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in byId.Values.Chunk(BatchSize))
            {
                // Most drafts are new (a sync stops at its high-water mark): try to insert them all, then look at the few that were there.
                var now = time.GetUtcNow();
                var candidates = chunk.Select(d => NewRow(d, now)).ToList();
                var won = await writer.InsertIgnoringDuplicatesAsync(db, candidates, ct);
                inserted.AddRange(candidates.Where(r => won.Contains(r.UpworkJobId)));
                // Demo jobs are everyone's already: no access rows for them.
                if (grant is not null) reached.AddRange(await JobVisibility.GrantAsync(db, grant.UserId, grant.Via, chunk.Where(d => !d.IsDemo).Select(d => d.SourceId).ToList(), now, ct));
                var known = chunk.Where(d => !won.Contains(d.SourceId)).ToList();
                if (known.Count == 0) continue;
                // A re-sent job is usually unchanged: compare hashes on a narrow projection, and load (tracked) only the
                // rows that changed, instead of every stored row with its description and raw payload.
                var ids = known.Select(d => d.SourceId).ToList();
                var stored = await db.JobPostings().AsNoTracking().Where(j => ids.Contains(j.UpworkJobId))
                    .Select(j => new StoredPosting(j.UpworkJobId, j.ContentHash, j.Source, j.OwnerUserId)).ToDictionaryAsync(j => j.UpworkJobId, ct);
                var changed = new List<(JobPostingDraft Draft, string Hash)>();
                foreach (var draft in known)
                {
                    if (!stored.TryGetValue(draft.SourceId, out var current) || !MayUpdate(current.Source, current.OwnerUserId, draft)) continue;
                    var hash = draft.ContentHash();
                    if (current.ContentHash != hash) changed.Add((draft, hash));
                }
                if (changed.Count == 0) continue;
                var changedIds = changed.Select(c => c.Draft.SourceId).ToList();
                var rows = await db.JobPostings().Where(j => changedIds.Contains(j.UpworkJobId)).ToDictionaryAsync(j => j.UpworkJobId, ct);
                foreach (var (draft, hash) in changed)
                {
                    if (!rows.TryGetValue(draft.SourceId, out var row)) continue;
                    Apply(row, draft, hash, now);
                    updated.Add(row);
                }
                await db.SaveChangesAsync(ct);
            }
            // Counters (jobs_found) commit with the rows they count: never lost, never counted again by a replay (issue 18).
            if (inserted.Count > 0)
                await events.PublishInTransactionAsync(new JobPostingsBatchDiscovered(inserted.Select(Discovered).ToList()), db, ct);
            if (grant is not null && reached.Count > 0)
                await events.PublishInTransactionAsync(new JobPostingsReachedUser(grant.UserId, reached, reachedAt), db, ct);
            await transaction.CommitAsync(ct);
        }
        if (inserted.Count + updated.Count + reached.Count > 0) await stamps.BumpAsync(JobPostingStamps.Scope, ct);   // cached search pages are stale now

        foreach (var group in inserted.GroupBy(r => r.Source)) UpworkMetrics.JobsIngested(group.Key, group.Count());
        await AnnounceAsync(inserted, ct);
        foreach (var row in updated)
            await events.PublishAsync(new JobPostingUpdated(row.Id, row.Title, row.UpdatedAt), ct);
        if (grant is not null && reached.Count > 0)
            await events.PublishAsync(new JobPostingsReachedUser(grant.UserId, reached, reachedAt), ct);
        if ((updated.Count > 0 || reached.Count > 0) && inserted.Count == 0)
            await live.PublishAsync(UpworkTopics.JobPostings, JobsChanged, ct);
        return new IngestResult(inserted.Select(r => r.Id).ToList(), updated.Select(r => r.Id).ToList());
    }

    /// <summary>Publishes the events of rows stored but never announced (the process died between commit and publish).</summary>
    public async Task<int> AnnounceMissedAsync(TimeSpan olderThan, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cutoff = time.GetUtcNow() - olderThan;
        var pending = db.UnannouncedJobs().Where(u => u.CreatedAt < cutoff).OrderBy(u => u.CreatedAt).Take(500).Select(u => u.JobPostingId);
        var missed = await db.JobPostings().AsNoTracking().Where(j => pending.Contains(j.Id)).OrderBy(j => j.CreatedAt).ToListAsync(ct);
        if (missed.Count > 0) log.LogWarning("Announcing {Count} job postings whose discovery event was not published", missed.Count);
        await AnnounceAsync(missed, ct);
        return missed.Count;
    }

    private async Task AnnounceAsync(List<JobPosting> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var discovered = rows.Select(Discovered).ToList();
        foreach (var e in discovered) await events.PublishAsync(e, ct);
        await events.PublishAsync(new JobPostingsBatchDiscovered(discovered), ct);
        await live.PublishAsync(UpworkTopics.JobPostings, JobsChanged, ct);
        // Announced: drop the markers (a narrow table), leaving the job rows and their indexes untouched.
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in ids.Chunk(BatchSize * 2))
            await db.UnannouncedJobs().Where(u => chunk.Contains(u.JobPostingId)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static JobPostingDiscovered Discovered(JobPosting row) => new(row.Id, row.Title, row.Source, row.CreatedAt);

    /// <summary>
    /// Upwork's own data may refresh any row (and makes it an Upwork row: public, and under the 24-hour retention).
    /// Pasted and webhook data may only refresh a row its own user created: a member cannot rewrite what others see.
    /// </summary>
    private static bool MayUpdate(string source, Guid? ownerUserId, JobPostingDraft draft) =>
        draft.Source == JobSources.Upwork || (source != JobSources.Upwork && ownerUserId is not null && ownerUserId == draft.OwnerUserId);

    /// <summary>What deciding on an update needs of a stored row.</summary>
    private sealed record StoredPosting(string UpworkJobId, string ContentHash, string Source, Guid? OwnerUserId);

    /// <summary>The live ping names no job: it reaches every open Jobs page, whoever may see the job.</summary>
    private static readonly object JobsChanged = new { changed = true };

    private static JobPosting NewRow(JobPostingDraft d, DateTimeOffset now)
    {
        var row = new JobPosting { Id = Guid.CreateVersion7(), UpworkJobId = d.SourceId, Title = d.Title, ContentHash = "", CreatedAt = now };
        Apply(row, d, d.ContentHash(), now);
        return row;
    }

    private static void Apply(JobPosting row, JobPostingDraft d, string hash, DateTimeOffset now)
    {
        row.Title = d.Title;
        row.Description = d.Description;
        row.BudgetMin = d.BudgetMin;
        row.BudgetMax = d.BudgetMax;
        row.Skills = d.Skills.ToList();
        row.Category = d.Category;
        row.Subcategory = d.Subcategory;
        row.JobType = d.JobType;
        row.ExperienceLevel = d.ExperienceLevel;
        row.Url = d.Url;
        if (row.ContentHash.Length == 0 || d.Source == JobSources.Upwork) row.Source = d.Source;
        row.OwnerUserId = d.Source == JobSources.Upwork ? null : d.OwnerUserId;
        row.IsDemo = d.IsDemo;
        row.PostedAt = d.PostedAt ?? (row.ContentHash.Length == 0 ? now : row.PostedAt);
        row.ProposalsCount = d.ProposalsCount;
        row.ClientInfo = d.Client is null ? null : JsonSerializer.Serialize(d.Client, JsonSerializerOptions.Web);
        row.ClientCountry = d.Client?.Country;
        row.ClientPaymentVerified = d.Client?.PaymentVerified;
        row.RawPayload = d.RawPayload;
        row.ExpiresAt = d.ExpiresAt;
        row.ContentHash = hash;
        row.UpdatedAt = now;
    }
}

/// <summary>Who gains sight of the ingested jobs, and how (<see cref="JobAccessVia"/>).</summary>
internal sealed record JobGrant(Guid UserId, string Via);

/// <summary>Which rows were stored for the first time and which were changed.</summary>
internal sealed record IngestResult(IReadOnlyList<Guid> Inserted, IReadOnlyList<Guid> Updated);
