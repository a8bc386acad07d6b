using Contracts.Identity;
using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;
using Shared.Live;

namespace Modules.Upwork.Claims;

/// <summary>
/// Who on the team is bidding on a job (docs/features.md, "Claiming"). One row per job: a new claim is an insert that
/// the key lets only one instance win, taking over a lapsed claim is an update conditional on the row still being
/// the one read, so two teammates claiming at once on two instances produce one winner. A lapsed claim (no draft
/// within <see cref="ClaimOptions.ExpiryMinutes"/>) reads as no claim.
/// </summary>
internal sealed class JobClaims(
    IDbContextFactory<AppDbContext> contexts, IMemberDirectory members, IAuditTrail audit, LiveUpdates live, HubNotifier hub,
    IOptions<ClaimOptions> options, TimeProvider time) : IJobClaims
{
    /// <summary>The hub event external clients get when a claim changes.</summary>
    public const string HubEvent = "job_claim";

    /// <summary>The job's live claim as <paramref name="userId"/> sees it, or null (none, or lapsed).</summary>
    public async Task<ClaimView?> GetAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.JobClaims().AsNoTracking().FirstOrDefaultAsync(c => c.JobPostingId == jobId, ct);
        if (claim is null || !IsLive(claim)) return null;
        // A job the user may not see has no claim for them: its claimant (and that it exists) is not theirs to learn, and
        // the caller's own "not found" answers instead.
        if (!await db.JobPostings().Where(j => j.Id == jobId).VisibleTo(db, userId).AnyAsync(ct)) return null;
        return await ViewAsync(userId, claim, ct);
    }

    /// <summary>
    /// The live claims on those of <paramref name="jobIds"/> the user may see, for the job cards (one query for a page of
    /// cards rather than one per card).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, ClaimView>> ForJobsAsync(Guid userId, IReadOnlyCollection<Guid> jobIds, CancellationToken ct)
    {
        if (jobIds.Count == 0) return new Dictionary<Guid, ClaimView>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claims = await db.JobClaims().AsNoTracking().Where(c => jobIds.Contains(c.JobPostingId)).ToListAsync(ct);
        claims = claims.Where(IsLive).ToList();
        if (claims.Count == 0) return new Dictionary<Guid, ClaimView>();
        var claimed = claims.Select(c => c.JobPostingId).ToList();
        var visible = (await db.JobPostings().Where(j => claimed.Contains(j.Id)).VisibleTo(db, userId).Select(j => j.Id).ToListAsync(ct)).ToHashSet();
        var names = await members.NamesAsync(claims.Select(c => c.UserId).Distinct().ToList(), ct);
        return claims.Where(c => visible.Contains(c.JobPostingId)).ToDictionary(c => c.JobPostingId, c => new ClaimView(
            c.JobPostingId, c.UserId, names.GetValueOrDefault(c.UserId, "a teammate"), c.ClaimedAt, c.ExpiresAt, c.UserId == userId, null, null, null));
    }

    /// <summary>
    /// Claims the job for <paramref name="userId"/>; <paramref name="drafted"/> (a tracked proposal) makes the claim hold
    /// until released. Taken when a teammate holds a live claim; NotFound when the job is not the user's to see.
    /// </summary>
    public async Task<ClaimOutcome> ClaimAsync(Guid userId, Guid jobId, CancellationToken ct, bool drafted = false)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? expires = drafted ? null : now.AddMinutes(options.Value.ExpiryMinutes);
        bool won;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (!await db.JobPostings().Where(j => j.Id == jobId).VisibleTo(db, userId).AnyAsync(ct)) return ClaimOutcome.NotFound;
            var current = await db.JobClaims().AsNoTracking().FirstOrDefaultAsync(c => c.JobPostingId == jobId, ct);
            if (current is not null && current.UserId == userId)
            {
                if (drafted && current.ExpiresAt is not null)
                    await db.JobClaims().Where(c => c.JobPostingId == jobId && c.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, (DateTimeOffset?)null), ct);
                else if (!IsLive(current))
                    await db.JobClaims().Where(c => c.JobPostingId == jobId && c.UserId == userId)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedAt, now).SetProperty(c => c.ExpiresAt, expires), ct);
                return ClaimOutcome.Claimed(await GetAsync(userId, jobId, ct));
            }
            if (current is not null && IsLive(current)) return ClaimOutcome.Taken(await ViewAsync(userId, current, ct));
            if (current is null)
            {
                db.JobClaims().Add(new JobClaim { JobPostingId = jobId, UserId = userId, ClaimedAt = now, ExpiresAt = expires });
                try
                {
                    await db.SaveChangesAsync(ct);
                    won = true;
                }
                catch (DbUpdateException)
                {
                    won = false;   // another request (perhaps on another instance) inserted first: the key decided
                }
            }
            else
            {
                // A lapsed claim: take it only if it is still the row read (another taker changes ClaimedAt or UserId).
                won = await db.JobClaims()
                    .Where(c => c.JobPostingId == jobId && c.UserId == current.UserId && c.ClaimedAt == current.ClaimedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, userId).SetProperty(c => c.ClaimedAt, now).SetProperty(c => c.ExpiresAt, expires)
                        .SetProperty(c => c.TakeoverRequestedBy, (Guid?)null).SetProperty(c => c.TakeoverRequestedAt, (DateTimeOffset?)null), ct) == 1;
            }
        }
        var view = await GetAsync(userId, jobId, ct);
        if (!won || view is not { Mine: true }) return view is null ? ClaimOutcome.Taken(null) : ClaimOutcome.Taken(view);
        if (!drafted) await audit.RecordAsync(userId, "job_claimed", $"job {jobId}", ct);
        await ChangedAsync(jobId, ct);
        return ClaimOutcome.Claimed(view);
    }

    /// <summary>Gives up the user's own claim. False when they hold none on the job.</summary>
    public async Task<bool> ReleaseAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.JobClaims().Where(c => c.JobPostingId == jobId && c.UserId == userId).ExecuteDeleteAsync(ct) == 0) return false;
        await audit.RecordAsync(userId, "job_released", $"job {jobId}", ct);
        await ChangedAsync(jobId, ct);
        return true;
    }

    /// <summary>A teammate asks the claimer to hand the job over; the claimer sees it live on the job.</summary>
    public async Task<ClaimOutcome> RequestTakeoverAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.JobClaims().AsNoTracking().FirstOrDefaultAsync(c => c.JobPostingId == jobId, ct);
        if (claim is null || !IsLive(claim) || !await db.JobPostings().Where(j => j.Id == jobId).VisibleTo(db, userId).AnyAsync(ct)) return ClaimOutcome.NotFound;
        if (claim.UserId == userId) return ClaimOutcome.Claimed(await ViewAsync(userId, claim, ct));
        await db.JobClaims().Where(c => c.JobPostingId == jobId && c.UserId == claim.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TakeoverRequestedBy, userId).SetProperty(c => c.TakeoverRequestedAt, now), ct);
        await audit.RecordAsync(userId, "job_takeover_requested", $"job {jobId}", ct);
        await ChangedAsync(jobId, ct);
        return ClaimOutcome.Taken(await GetAsync(userId, jobId, ct));
    }

    /// <summary>The claimer hands the job to the teammate who asked for it.</summary>
    public async Task<ClaimOutcome> HandOverAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.JobClaims().AsNoTracking().FirstOrDefaultAsync(c => c.JobPostingId == jobId && c.UserId == userId, ct);
        if (claim?.TakeoverRequestedBy is not { } to) return ClaimOutcome.NotFound;
        return await MoveAsync(userId, jobId, to, "job_handed_over", ct);
    }

    /// <summary>A reviewer gives the job's claim to <paramref name="toUserId"/>, whoever holds it now.</summary>
    public async Task<ClaimOutcome> ReassignAsync(Guid reviewerId, Guid jobId, Guid toUserId, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (!await db.JobPostings().Where(j => j.Id == jobId).VisibleTo(db, toUserId).AnyAsync(ct)) return ClaimOutcome.NotFound;
        }
        return await MoveAsync(reviewerId, jobId, toUserId, "job_reassigned", ct);
    }

    /// <inheritdoc />
    public async Task<string?> BlockingAsync(Guid userId, Guid jobPostingId, CancellationToken ct)
    {
        var claim = await GetAsync(userId, jobPostingId, ct);
        return claim is null || claim.Mine ? null : $"{claim.ClaimedBy} has claimed this job: ask them to hand it over, or a reviewer to reassign it";
    }

    private async Task<ClaimOutcome> MoveAsync(Guid actorId, Guid jobId, Guid toUserId, string kind, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.ExpiryMinutes);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var moved = await db.JobClaims().Where(c => c.JobPostingId == jobId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, toUserId).SetProperty(c => c.ClaimedAt, now).SetProperty(c => c.ExpiresAt, (DateTimeOffset?)expires)
                    .SetProperty(c => c.TakeoverRequestedBy, (Guid?)null).SetProperty(c => c.TakeoverRequestedAt, (DateTimeOffset?)null), ct);
            if (moved == 0)
            {
                db.JobClaims().Add(new JobClaim { JobPostingId = jobId, UserId = toUserId, ClaimedAt = now, ExpiresAt = expires });
                await db.SaveChangesAsync(ct);
            }
        }
        var names = await members.NamesAsync([toUserId], ct);
        await audit.RecordAsync(actorId, kind, $"job {jobId} to {names.GetValueOrDefault(toUserId, toUserId.ToString())}", ct);
        await ChangedAsync(jobId, ct);
        return ClaimOutcome.Claimed(await GetAsync(actorId, jobId, ct));
    }

    private bool IsLive(JobClaim claim) => claim.ExpiresAt is not { } expires || expires > time.GetUtcNow();

    private async Task<ClaimView> ViewAsync(Guid userId, JobClaim claim, CancellationToken ct)
    {
        var names = await members.NamesAsync(claim.TakeoverRequestedBy is { } asker ? [claim.UserId, asker] : [claim.UserId], ct);
        return new ClaimView(claim.JobPostingId, claim.UserId, names.GetValueOrDefault(claim.UserId, "a teammate"), claim.ClaimedAt, claim.ExpiresAt,
            claim.UserId == userId, claim.TakeoverRequestedBy, claim.TakeoverRequestedBy is { } id ? names.GetValueOrDefault(id, "a teammate") : null, claim.TakeoverRequestedAt);
    }

    private async Task ChangedAsync(Guid jobId, CancellationToken ct)
    {
        await live.PublishAsync(UpworkTopics.JobClaims, jobId, ct);
        await hub.BroadcastAsync(HubEvent, new { jobPostingId = jobId }, ct);
    }
}

/// <summary>A job's claim as one user sees it.</summary>
internal sealed record ClaimView(
    Guid JobPostingId, Guid UserId, string ClaimedBy, DateTimeOffset ClaimedAt, DateTimeOffset? ExpiresAt, bool Mine,
    Guid? TakeoverRequestedBy, string? TakeoverRequestedByName, DateTimeOffset? TakeoverRequestedAt);

/// <summary>What a claim request came to: the caller's claim, a teammate's, or no such job.</summary>
internal sealed record ClaimOutcome(bool Found, bool Won, ClaimView? Claim)
{
    public static readonly ClaimOutcome NotFound = new(false, false, null);

    public static ClaimOutcome Claimed(ClaimView? claim) => new(true, true, claim);

    public static ClaimOutcome Taken(ClaimView? claim) => new(true, false, claim);
}
