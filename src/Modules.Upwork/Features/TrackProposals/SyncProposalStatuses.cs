using System.Text.Json;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Proposals;
using Quartz;
using Shared.Live;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// Reads each connected user's proposals from Upwork (<c>vendorProposals</c>, one status per call, pages of 40),
/// links them to local proposals by job, and moves those forward along our pipeline with history entries marked
/// "upwork". Upwork's "Accepted" only means Upwork accepted the submission (docs/upwork-api.md §2.5): it maps to submitted.
/// Upwork's documented <c>VendorProposal</c> says nothing about the client viewing a proposal, so "viewed" never comes
/// from this sync: the user sets it on the board.
/// Changes are pushed to the user's open board and hub clients (<c>proposal_status</c>). A run that fails (Upwork
/// down, a root field answered null with errors, a 429) counts as an error in <c>upwork_sync_runs_total</c> and is
/// shown on the user's Upwork page as the connection's last problem; a 429 pauses every call and ends the whole run.
/// </summary>
internal sealed class SyncProposalStatuses(
    IDbContextFactory<AppDbContext> contexts,
    UpworkAccounts accounts,
    AnnounceProposalMoves announce,
    TimeProvider time,
    ILogger<SyncProposalStatuses> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        List<Guid> users;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            users = await db.UpworkConnections().AsNoTracking()
                .Where(c => c.Status == ConnectionStatus.Active && !db.Pauses().Any(p => p.ScopeId == c.UserId || p.ScopeId == UpworkPause.Workspace))
                .Select(c => c.UserId).ToListAsync(ct);
        var changed = 0;
        foreach (var userId in users)
        {
            try
            {
                changed += await SyncUserAsync(userId, ct);
                UpworkMetrics.SyncRun("ok");
                await RecordAsync(userId, null, ct);
            }
            catch (UpworkRateLimitedException ex)
            {
                log.LogWarning("Proposal status sync stopped: {Error}", ex.Message);
                UpworkMetrics.SyncRun(ex.Received ? "error" : "skipped");
                await RecordAsync(userId, ex.Message, ct);
                break;   // every call is paused: the other users wait for the next run
            }
            catch (UpworkBudgetExhaustedException ex)
            {
                UpworkMetrics.SyncRun("skipped");
                log.LogInformation("Proposal status sync skipped: {Error}", ex.Message);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning("Proposal status sync for user {UserId} failed: {Error}", userId, ex.Message);
                UpworkMetrics.SyncRun("error");
                // A connection marked for reconnecting carries its own message already.
                if (ex is not (UpworkReconnectRequiredException or UpworkNotConnectedException)) await RecordAsync(userId, ex.Message, ct);
            }
        }
        return changed;
    }

    private const string FailurePrefix = "Proposal status sync failed: ";

    /// <summary>Shows a failure as the connection's last problem; a later success clears only a problem of this sync.</summary>
    private async Task RecordAsync(Guid userId, string? error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = db.UpworkConnections().Where(c => c.UserId == userId && c.Status == ConnectionStatus.Active);
        if (error is null)
        {
            await connections.Where(c => c.LastError != null && c.LastError.StartsWith(FailurePrefix))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastError, (string?)null), ct);
            return;
        }
        var message = FailurePrefix + error;
        if (message.Length > 1000) message = message[..1000];
        await connections.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastError, message), ct);
    }

    public async Task<int> SyncUserAsync(Guid userId, CancellationToken ct)
    {
        // Upwork job id → (our status per Upwork, Upwork proposal id), across every status.
        var remote = new Dictionary<string, (string Status, string ProposalId)>(StringComparer.Ordinal);
        foreach (var (upworkStatus, ours) in ProposalMoves.UpworkStatuses)
        {
            string? after = null;
            for (var page = 0; page < 10; page++)
            {
                var result = await accounts.CallAsync(userId, UpworkQueries.VendorProposals(upworkStatus, after), ct, "Proposal status sync (every 30 minutes)");
                if (result.Data is not { } data || !data.TryGetProperty("vendorProposals", out var connection) || connection.ValueKind != JsonValueKind.Object) break;
                foreach (var edge in connection.GetProperty("edges").EnumerateArray())
                {
                    if (!edge.TryGetProperty("node", out var node) || node.ValueKind != JsonValueKind.Object) continue;
                    var jobId = node.GetProperty("marketplaceJobPosting").GetProperty("id").GetString();
                    if (jobId is null) continue;
                    remote[jobId] = (ours, node.GetProperty("id").GetString() ?? "");
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
            var (target, proposalId) = remote[item.UpworkJobId];
            var p = item.Proposal;
            p.UpworkProposalId ??= proposalId;
            // Only forward along the pipeline: Upwork never moves a proposal back, and a user's own later step stands.
            if (target == p.Status || !ProposalStatuses.Next(p.Status).Contains(target)) continue;
            var from = p.Status;
            ProposalMoves.Transition(db, p, target, "upwork", now);
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
