using System.ComponentModel;
using Contracts.Identity;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Modules.Upwork.Searches;
using Shared.Mcp;

namespace Modules.Upwork.Features.ManageAlerts;

/// <summary>The MCP tool <c>explain_match</c>, mirroring <c>GET /api/v1/upwork/jobs/{id}/explain</c>.</summary>
[McpServerToolType]
internal sealed class ExplainMatchTools(ExplainMatch explain, IHttpContextAccessor http)
{
    [McpServerTool(Name = "explain_match", Title = "Why a job matches", ReadOnly = true, OpenWorld = false)]
    [Description("Why a job does or does not match each of the user's saved searches, criterion by criterion. Returns JSON "
        + "[{ savedSearchId, name, matched, criteria: [{ criterion, passed, reason }] }]; an empty list when the user has no saved searches.")]
    public async Task<IReadOnlyList<SearchExplanation>> ExplainMatchAsync(
        [Description("The job's id (from search_jobs)")] string jobId,
        [Description("Only this saved search (from list_saved_searches); all of them when left out")] string? savedSearchId = null,
        CancellationToken cancellationToken = default)
    {
        var userId = McpEndpoint.Caller(http, AccessScopes.JobsRead);
        var id = McpEndpoint.Id(jobId, "jobId");
        Guid? search = savedSearchId is null ? null : McpEndpoint.Id(savedSearchId, "savedSearchId");
        return await explain.RunAsync(userId, id, search, cancellationToken)
            ?? throw new McpException(search is null ? $"jobId: job posting {id} was not found" : $"jobId or savedSearchId: job posting {id} or saved search {search} was not found");
    }
}
