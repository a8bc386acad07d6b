using System.Globalization;
using System.Text.Json;
using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// "Submit via Upwork": only after the user confirmed (with the Connects cost in front of them), only for a draft with
/// a letter and a bid, only under the daily cap, and exactly once — <c>createJobProposal</c> spends Connects, so it is
/// never retried, and a call whose outcome is unknown is reported as such instead of being repeated. Audited.
/// </summary>
internal sealed class SubmitProposal(
    IDbContextFactory<AppDbContext> contexts,
    UpworkAccounts accounts,
    IAuditTrail audit,
    ManageProposals proposals,
    IOptions<UpworkOptions> options,
    Shared.Events.IEventBus events,
    TimeProvider time)
{
    public async Task<SubmitOutcome> RunAsync(Guid userId, Guid proposalId, SubmitRequest request, CancellationToken ct)
    {
        if (request.Confirm != true) return SubmitOutcome.Invalid("confirm", "confirm the submission: it spends Connects and cannot be undone");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var proposal = await db.Proposals().FirstOrDefaultAsync(p => p.Id == proposalId && p.UserId == userId, ct);
        if (proposal is null) return SubmitOutcome.NotFound;
        if (proposal.Status != ProposalStatuses.Draft || proposal.UpworkProposalId is not null)
            return SubmitOutcome.Conflict($"This proposal is already {proposal.Status}; it is never submitted twice.");
        if (string.IsNullOrWhiteSpace(proposal.CoverLetter)) return SubmitOutcome.Invalid("coverLetter", "write the cover letter before submitting");
        if (proposal.BidAmount is not > 0) return SubmitOutcome.Invalid("bidAmount", "set a bid before submitting");
        var job = await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(j => j.Id == proposal.JobPostingId, ct);
        if (job is null || !job.UpworkJobId.All(char.IsAsciiDigit)) return SubmitOutcome.Conflict("This job is not an Upwork job (or is no longer stored): copy the letter and apply on Upwork.");
        var connection = await db.UpworkConnections().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct);
        if (connection is null || connection.OrganizationId is null || connection.UpworkNid is null) return SubmitOutcome.Conflict("Connect Upwork first.");
        var since = time.GetUtcNow().AddDays(-1);
        var today = await db.ProposalHistory().CountAsync(h => h.Source == "upwork-api" && h.At >= since
                                                              && db.Proposals().Any(p => p.Id == h.ProposalId && p.UserId == userId), ct);
        if (today >= options.Value.SubmitDailyCap)
            return SubmitOutcome.Conflict($"You submitted {today} proposals through Upwork in the last 24 hours, the workspace's cap; apply on Upwork directly or wait.");

        GraphQlResult result;
        try
        {
            result = await accounts.CallAsync(userId, UpworkQueries.CreateJobProposal(job.UpworkJobId, connection.UpworkUserId, connection.UpworkNid,
                connection.OrganizationId, proposal.BidAmount.Value, proposal.CoverLetter!), ct);
        }
        catch (UpworkPermissionException)
        {
            return SubmitOutcome.Forbidden("Your Upwork key lacks the Submit Proposal permission: copy the letter and apply on Upwork.");
        }
        catch (Exception ex) when (ex is UpworkApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            await audit.RecordAsync(userId, "proposal_submit_unknown", $"Upwork job {job.UpworkJobId}: {ex.Message}", ct);
            return SubmitOutcome.Upstream("Upwork did not confirm the submission. Check your proposals on Upwork before trying again: it was not repeated automatically.");
        }
        var payload = result.Data?.GetProperty("createJobProposal");
        var status = payload is { ValueKind: JsonValueKind.Object } p1 && p1.TryGetProperty("status", out var s) ? s.GetString() : null;
        var newId = payload is { ValueKind: JsonValueKind.Object } p2 && p2.TryGetProperty("newProposalId", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (newId is null)
        {
            var error = payload is { ValueKind: JsonValueKind.Object } p3 && p3.TryGetProperty("error", out var e) ? e.GetString() : status;
            await audit.RecordAsync(userId, "proposal_submit_refused", $"Upwork job {job.UpworkJobId}: {error}", ct);
            return SubmitOutcome.Upstream($"Upwork refused the proposal: {error ?? "no reason given"}.");
        }

        proposal.UpworkProposalId = newId;
        ManageProposals.Transition(db, proposal, ProposalStatuses.Submitted, "upwork-api", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new Contracts.Upwork.Events.ProposalsChanged(userId, time.GetUtcNow(), [proposal.Id]), ct);
        // The audit trail outlives the job: it names the job by its id, never by its title (docs/data-retention.md).
        await audit.RecordAsync(userId, "proposal_submitted",
            string.Create(CultureInfo.InvariantCulture, $"Upwork job {job.UpworkJobId} for ${proposal.BidAmount:0.##}, {proposal.ConnectsSpent ?? 0} Connects, Upwork proposal {newId}"), ct);
        return SubmitOutcome.Done((await proposals.GetAsync(userId, proposalId, ct))!);
    }
}

/// <summary>Body of <c>POST /api/v1/upwork/proposals/{id}/submit</c>.</summary>
internal sealed record SubmitRequest(bool? Confirm);

/// <summary>What a submission did: the HTTP status it maps to, and the field or message to show.</summary>
internal sealed record SubmitOutcome(int Status, ProposalDto? Proposal, string? Field, string Message)
{
    public static readonly SubmitOutcome NotFound = new(404, null, null, "Proposal not found");

    public static SubmitOutcome Done(ProposalDto p) => new(200, p, null, "Submitted to Upwork");
    public static SubmitOutcome Invalid(string field, string message) => new(400, null, field, message);
    public static SubmitOutcome Conflict(string message) => new(409, null, null, message);
    public static SubmitOutcome Forbidden(string message) => new(403, null, null, message);
    public static SubmitOutcome Upstream(string message) => new(502, null, null, message);
}
