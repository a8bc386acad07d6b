using System.ComponentModel;
using Contracts.Identity;
using ModelContextProtocol.Server;
using Shared.Mcp;

namespace Modules.Upwork.Features.ManageSavedSearches;

/// <summary>The MCP tool <c>list_saved_searches</c>, mirroring <c>GET /api/v1/upwork/saved-searches</c>.</summary>
[McpServerToolType]
internal sealed class ManageSavedSearchesTools(ManageSavedSearches searches, IHttpContextAccessor http)
{
    [McpServerTool(Name = "list_saved_searches", Title = "List saved searches", ReadOnly = true, OpenWorld = false)]
    [Description("The user's saved searches, then those an admin shared with the team (readOnly). Returns JSON [{ id, name, query, skills, "
        + "jobType, experienceLevel, budgetMin, budgetMax (USD), hourlyMin, hourlyMax (USD per hour), alertsEnabled, ... }]. Pass an id to explain_match.")]
    public async Task<IReadOnlyList<SavedSearchDto>> ListSavedSearchesAsync(CancellationToken cancellationToken = default) =>
        await searches.ListVisibleAsync(McpEndpoint.Caller(http, AccessScopes.JobsRead), cancellationToken);
}
