using System.ComponentModel;
using Contracts.Identity;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Shared.Mcp;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// The MCP tools <c>list_proposals</c> and <c>update_proposal_status</c>, mirroring <c>GET /api/v1/upwork/proposals</c>
/// and <c>PUT /api/v1/upwork/proposals/{id}</c>. There is no tool that submits: submission stays with the user.
/// </summary>
[McpServerToolType]
internal sealed class TrackProposalsTools(ManageProposals proposals, IHttpContextAccessor http, IServiceProvider services)
{
    [McpServerTool(Name = "list_proposals", Title = "List proposals", ReadOnly = true, OpenWorld = false)]
    [Description("The user's proposals, most recently changed first. Returns JSON [{ id, jobPostingId, jobTitle, status, bidAmount (USD), "
        + "connectsSpent, coverLetter, nextStatuses, createdAt, updatedAt, submittedAt (UTC) }]. Statuses: draft, submitting, unconfirmed, "
        + "submitted, viewed, interviewing, offered, hired, declined, withdrawn, archived. At most 100 per call (default 20).")]
    public async Task<IReadOnlyList<ProposalDto>> ListProposalsAsync(
        [Description("Only proposals in this status")] string? status = null,
        [Description("How many to return, 1-100 (default 20)")] int? limit = null,
        [Description("How many to skip (paging), default 0")] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        var userId = McpEndpoint.Caller(http, AccessScopes.ProposalsRead);
        if (limit is < 1 or > 100) throw new McpException("limit must be between 1 and 100");
        var query = new ProposalListQuery(status, limit ?? 20, offset);
        await McpEndpoint.ValidateAsync(services, query, cancellationToken);
        return await proposals.ListAsync(userId, status, cancellationToken, query.Limit!.Value, offset ?? 0);
    }

    [McpServerTool(Name = "update_proposal_status", Title = "Move a proposal", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Moves one of the user's proposals along its pipeline (e.g. submitted → interviewing → hired) and records it in its history. "
        + "This only records what happened on Upwork; it never submits anything. The allowed next statuses are the proposal's nextStatuses "
        + "(list_proposals). Returns the proposal as list_proposals shows it.")]
    public async Task<ProposalDto> UpdateProposalStatusAsync(
        [Description("The proposal's id (from list_proposals)")] string proposalId,
        [Description("The new status, one of the proposal's nextStatuses")] string status,
        CancellationToken cancellationToken = default)
    {
        var userId = McpEndpoint.Caller(http, AccessScopes.ProposalsWrite);
        McpEndpoint.RequireRole(http, u => u.Allows(Permissions.Draft), "change proposals");
        var id = McpEndpoint.Id(proposalId, "proposalId");
        if (string.IsNullOrWhiteSpace(status)) throw new McpException("status is required");
        var current = await proposals.GetAsync(userId, id, cancellationToken) ?? throw new McpException($"proposalId: proposal {id} was not found");
        var input = new ProposalInput(current.JobPostingId, null, null, null, null, status.Trim(), null, null, null, null);
        await McpEndpoint.ValidateAsync(services, input, cancellationToken);
        var outcome = await proposals.UpdateAsync(userId, id, input, cancellationToken);
        if (outcome.Missing) throw new McpException($"proposalId: proposal {id} was not found");
        return outcome.Error is { } error ? throw new McpException($"status: {error}") : outcome.Proposal!;
    }
}
