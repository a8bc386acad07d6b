using System.Text.Json;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Quartz;
using Shared.Live;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// Reads each connected user's proposals from Upwork (<c>vendorProposals</c>, one status per call, pages of 40),
/// links them to local proposals by job, and moves those forward along our pipeline with history entries marked
/// "upwork". Upwork's "Accepted" only means Upwork accepted the submission (UPWORK_API.md §2.5): it maps to submitted.
/// Changes are pushed to the user's open board and hub clients (<c>proposal_status</c>).
/// </summary>
internal sealed class SyncProposalStatuses(
    IDbContextFactory<AppDbContext> contexts,
    UpworkAccounts accounts,
    AnnounceProposalMoves announce,
    TimeProvider time,
    ILogger<SyncProposalStatuses> log)
{
    /// <summary>The Upwork statuses asked for, one call each (upwork-doctor checks each against the live enum).</summary>
    internal static readonly (string Upwork, string Ours)[] Statuses =
    [
        ("Pending", ProposalStatuses.Submitted), ("Accepted", ProposalStatuses.Submitted), ("Activated", ProposalStatuses.Interviewing),
        ("Offered", ProposalStatuses.Offered), ("Hired", ProposalStatuses.Hired), ("Declined", ProposalStatuses.Declined),
        ("Withdrawn", ProposalStatuses.Withdrawn), ("Archived", ProposalStatuses.Archived),
    ];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        List<Guid> users;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            users = await db.UpworkConnections().AsNoTracking().Where(c => c.Status == ConnectionStatus.Active).Select(c => c.UserId).ToListAsync(ct);
        var changed = 0;
        foreach (var userId in users)
        {
            try { changed += await SyncUserAsync(userId, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning("Proposal status sync for user {UserId} failed: {Error}", userId, ex.Message);
            }
        }
        return changed;
    }

    public async Task<int> SyncUserAsync(Guid userId, CancellationToken ct)
    {
        // Upwork job id → (our status per Upwork, viewed flag, Upwork proposal id), across every status.
        var remote = new Dictionary<string, (string Status, bool Viewed, string ProposalId)>(StringComparer.Ordinal);
        foreach (var (upworkStatus, ours) in Statuses)
        {
            string? after = null;
            for (var page = 0; page < 10; page++)
            {
                var result = await accounts.CallAsync(userId, UpworkQueries.VendorProposals(upworkStatus, after), ct);
                if (result.Data is not { } data || !data.TryGetProperty("vendorProposals", out var connection) || connection.ValueKind != JsonValueKind.Object) break;
                foreach (var edge in connection.GetProperty("edges").EnumerateArray())
                {
                    if (!edge.TryGetProperty("node", out var node) || node.ValueKind != JsonValueKind.Object) continue;
                    var jobId = node.GetProperty("marketplaceJobPosting").GetProperty("id").GetString();
                    if (jobId is null) continue;
                    var viewed = node.TryGetProperty("viewedByClient", out var v) && v.ValueKind == JsonValueKind.True;
                    remote[jobId] = (ours, viewed, node.GetProperty("id").GetString() ?? "");
                }
                var info = connection.GetProperty("pageInfo");
                if (!info.TryGetProperty("hasNextPage", out var more) || more.ValueKind != JsonValueKind.True) break;
                after = info.GetProperty("endCursor").GetString();
            }
        }
        if (remote.Count == 0) return 0;

        await using var db = await contexts.CreateDbContextAsync(ct);
        var jobIds = remote.Keys.ToList();
        var local = await (from p in db.Proposals()
                           join j in db.JobPostings() on p.JobPostingId equals j.Id
                           where p.UserId == userId && jobIds.Contains(j.UpworkJobId)
                           select new { Proposal = p, j.UpworkJobId }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var moved = new List<(Proposal Proposal, string From)>();
        foreach (var item in local)
        {
            var (status, viewed, proposalId) = remote[item.UpworkJobId];
            var p = item.Proposal;
            p.UpworkProposalId ??= proposalId;
            var target = status == ProposalStatuses.Submitted && viewed ? ProposalStatuses.Viewed : status;
            // Only forward along the pipeline: Upwork never moves a proposal back, and a user's own later step stands.
            if (target == p.Status || !ProposalStatuses.Next(p.Status).Contains(target)) continue;
            var from = p.Status;
            ManageProposals.Transition(db, p, target, "upwork", now);
            moved.Add((p, from));
        }
        await db.SaveChangesAsync(ct);
        await announce.RunAsync(userId, moved, now, ct);
        return moved.Count;
    }
}

/// <summary>Thin Quartz adapter, every 30 minutes (proposal calls have their own hourly budget, 100 by default).</summary>
[DisallowConcurrentExecution]
internal sealed class SyncProposalStatusesJob(SyncProposalStatuses sync) : IJob
{
    public static readonly JobKey Key = new("upwork.sync-proposal-statuses");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sync.RunAsync(ct);
}
