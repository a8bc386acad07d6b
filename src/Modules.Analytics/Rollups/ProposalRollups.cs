using Contracts.Ai;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using Modules.Analytics.Data;
using Modules.Analytics.Integrations;
using Quartz;
using Shared.Events;

namespace Modules.Analytics.Rollups;

/// <summary>
/// Keeps <c>analytics.proposal_facts</c> and the daily <c>analytics.proposal_rollups</c> in step with the Upwork module's
/// proposals. A change to some proposals re-reads just those, then recounts only the days they counted on before and
/// count on now; the nightly rebuild recounts everything (and catches a change whose event a crash lost). Every update
/// is one transaction, serialised per user (in process, and across instances with a PostgreSQL advisory lock), and
/// replaces rows rather than adding to them, so running one twice or killing it half-way changes nothing.
/// </summary>
internal sealed class ProposalRollups(
    IDbContextFactory<AppDbContext> contexts, IUpworkActivity upwork, IAiUsage ai, TimeProvider time, ILogger<ProposalRollups> log)
{
    public const int MaxProposals = 200_000;
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Brings the named proposals of the user up to date (all of the user's when <paramref name="proposalIds"/> is null).</summary>
    public async Task ApplyAsync(Guid userId, IReadOnlyList<Guid>? proposalIds, CancellationToken ct)
    {
        IReadOnlyCollection<DateOnly> days = [];
        await LockedAsync(userId, async db =>
        {
            var fresh = proposalIds is null ? await upwork.ProposalsAsync(userId, MaxProposals, ct) : await upwork.ProposalsByIdAsync(userId, proposalIds, ct);
            var existing = proposalIds is null
                ? await db.ProposalFacts().Where(f => f.UserId == userId).ToListAsync(ct)
                : await db.ProposalFacts().Where(f => f.UserId == userId && proposalIds.Contains(f.ProposalId)).ToListAsync(ct);
            days = await ReplaceAsync(db, userId, fresh, existing, whole: proposalIds is null, ct);
        }, ct);
        await RecountTeamAsync(days, ct);
    }

    /// <summary>Recounts every user's rollups from the source (the nightly job, and the first start after an upgrade).</summary>
    public async Task<int> RebuildAllAsync(CancellationToken ct)
    {
        var all = (await upwork.ProposalsAsync(null, MaxProposals, ct)).ToLookup(p => p.UserId);
        List<Guid> users;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            users = (await db.ProposalFacts().Select(f => f.UserId).Distinct().ToListAsync(ct)).Union(all.Select(g => g.Key)).ToList();
        foreach (var userId in users)
        {
            // Each user's proposals are read again under their lock, as ApplyAsync reads them: the bulk read above can be
            // older than a change made since (a proposal deleted meanwhile leaves no newer row to notice it by, and would
            // be counted again from the stale read).
            await LockedAsync(userId, async db =>
            {
                var fresh = await upwork.ProposalsAsync(userId, MaxProposals, ct);
                var existing = await db.ProposalFacts().Where(f => f.UserId == userId).ToListAsync(ct);
                await ReplaceAsync(db, userId, fresh, existing, whole: true, ct);
            }, ct);
        }
        await RecountTeamAsync(null, ct);
        log.LogInformation("Rebuilt proposal rollups for {Users} users from {Proposals} proposals", users.Count, all.Sum(g => g.Count()));
        return users.Count;
    }

    /// <summary>Forgets a user's rows (account erasure).</summary>
    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        List<DateOnly> days = [];
        await LockedAsync(userId, async db =>
        {
            days = await db.ProposalRollups().Where(r => r.UserId == userId).Select(r => r.Day).Distinct().ToListAsync(ct);
            await db.ProposalRollups().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
            await db.ProposalFacts().Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        }, ct);
        await RecountTeamAsync(days, ct);
    }

    /// <summary>
    /// Recounts the team's rows (user <see cref="Team"/>: everyone's proposals summed, so the admin's view reads one row per
    /// day and bucket however many members there are) for <paramref name="days"/>, or for every day when null. Serialised
    /// on the team's lock and reading what is committed, so the last recount of a day always sees the last change to it.
    /// </summary>
    private async Task RecountTeamAsync(IReadOnlyCollection<DateOnly>? days, CancellationToken ct)
    {
        if (days is { Count: 0 }) return;
        var list = days?.ToList();
        await LockedAsync(Team, async db =>
        {
            var members = db.ProposalRollups().AsNoTracking().Where(r => r.UserId != Team);
            var team = db.ProposalRollups().Where(r => r.UserId == Team);
            if (list is not null)
            {
                members = members.Where(r => list.Contains(r.Day));
                team = team.Where(r => list.Contains(r.Day));
            }
            // Keys and sums only from the database (a constant id in the SELECT list comes back as text on PostgreSQL).
            var sums = (await members.GroupBy(r => new { r.Day, r.Dimension, r.Bucket }).Select(g => new
            {
                g.Key.Day, g.Key.Dimension, g.Key.Bucket,
                Sent = g.Sum(r => r.Sent), Viewed = g.Sum(r => r.Viewed), Replied = g.Sum(r => r.Replied), Hired = g.Sum(r => r.Hired),
                Connects = g.Sum(r => r.Connects), Revenue = g.Sum(r => r.Revenue), QualitySum = g.Sum(r => r.QualitySum), QualityCount = g.Sum(r => r.QualityCount),
            }).ToListAsync(ct)).Select(g => new ProposalRollup
            {
                UserId = Team, ProfileId = Guid.Empty, Day = g.Day, Dimension = g.Dimension, Bucket = g.Bucket, Sent = g.Sent, Viewed = g.Viewed, Replied = g.Replied,
                Hired = g.Hired, Connects = g.Connects, Revenue = g.Revenue, QualitySum = g.QualitySum, QualityCount = g.QualityCount,
            }).ToList();
            await team.ExecuteDeleteAsync(ct);
            db.ProposalRollups().AddRange(sums);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>The owner of the team's summed rows (no user has this id).</summary>
    public static readonly Guid Team = Guid.Empty;

    /// <summary>Replaces the user's facts with <paramref name="fresh"/> and recounts their rollups; returns the days recounted.</summary>
    private async Task<IReadOnlyCollection<DateOnly>> ReplaceAsync(AppDbContext db, Guid userId, IReadOnlyList<ProposalFact> fresh, List<ProposalFactRow> existing, bool whole, CancellationToken ct)
    {
        var quality = await ai.LetterQualityAsync(userId, fresh.Select(f => f.JobPostingId).Distinct().ToList(), ct);
        var now = time.GetUtcNow();
        var days = new HashSet<DateOnly>(existing.SelectMany(Days));
        var byId = existing.ToDictionary(f => f.ProposalId);
        foreach (var fact in fresh)
        {
            if (!byId.Remove(fact.Id, out var row)) db.ProposalFacts().Add(row = new ProposalFactRow());
            row.Apply(fact, quality.TryGetValue(fact.JobPostingId, out var q) ? q : null, now);
            days.UnionWith(Days(row));
        }
        db.ProposalFacts().RemoveRange(byId.Values);   // deleted at the source
        await db.SaveChangesAsync(ct);

        if (whole)
        {
            await db.ProposalRollups().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
            db.ProposalRollups().AddRange(RollupBuilder.Build(await db.ProposalFacts().AsNoTracking().Where(f => f.UserId == userId).ToListAsync(ct)));
        }
        else if (days.Count > 0)
        {
            var list = days.ToList();
            var counted = await db.ProposalFacts().AsNoTracking()
                .Where(f => f.UserId == userId && ((f.SubmittedOn != null && list.Contains(f.SubmittedOn.Value)) || (f.HiredOn != null && list.Contains(f.HiredOn.Value))))
                .ToListAsync(ct);
            await db.ProposalRollups().Where(r => r.UserId == userId && list.Contains(r.Day)).ExecuteDeleteAsync(ct);
            db.ProposalRollups().AddRange(RollupBuilder.Build(counted).Where(r => days.Contains(r.Day)));
        }
        await db.SaveChangesAsync(ct);
        return days;
    }

    private static IEnumerable<DateOnly> Days(ProposalFactRow f)
    {
        if (f.SubmittedOn is { } s) yield return s;
        if (f.HiredOn is { } h) yield return h;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction that no other update of the same user's rows interleaves with.</summary>
    private async Task LockedAsync(Guid userId, Func<AppDbContext, Task> work, CancellationToken ct)
    {
        var stripe = Stripes[(int)((uint)userId.GetHashCode() % Stripes.Length)];
        await stripe.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            {
                var key = BitConverter.ToInt64(userId.ToByteArray(), 0);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
            }
            await work(db);
            await tx.CommitAsync(ct);
        }
        finally
        {
            stripe.Release();
        }
    }
}

/// <summary>A user's proposals changed: recount the days they touch (before the dashboard's cache is dropped, so the next read is fresh).</summary>
internal sealed class UpdateRollupsOnProposalChange(ProposalRollups rollups) : IEventHandler<ProposalsChanged>
{
    public Task HandleAsync(ProposalsChanged e, CancellationToken ct) => rollups.ApplyAsync(e.UserId, e.ProposalIds, ct);
}

/// <summary>The nightly rebuild of every user's rollups.</summary>
internal sealed class RebuildRollupsJob(ProposalRollups rollups, AnalyticsVersions versions) : IJob
{
    public static readonly JobKey Key = new("analytics.rebuild-rollups");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await rollups.RebuildAllAsync(ct);
        await versions.BumpAllAsync(ct);
    }
}

/// <summary>
/// On the first start with the rollup tables (a new install, or an upgrade from a version without them), builds them
/// from the existing proposals in the background, once; then marks them built.
/// </summary>
internal sealed class BuildRollupsOnFirstStart(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<BuildRollupsOnFirstStart> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
                if (await db.DailyMetrics().AnyAsync(m => m.Metric == DailyMetrics.RollupsBuilt, stoppingToken)) return;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProposalRollups>().RebuildAllAsync(stoppingToken);
            await scope.ServiceProvider.GetRequiredService<AnalyticsVersions>().BumpAllAsync(stoppingToken);
            await using var done = await contexts.CreateDbContextAsync(stoppingToken);
            done.DailyMetrics().Add(new DailyMetric { Day = DateOnly.MinValue, Metric = DailyMetrics.RollupsBuilt, Value = 1, UpdatedAt = time.GetUtcNow() });
            await done.SaveChangesAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Two instances starting together may both build (harmless) and race to mark; the nightly rebuild covers a failure.
            log.LogWarning(ex, "Building the proposal rollups on first start failed; the nightly rebuild will");
        }
    }
}
