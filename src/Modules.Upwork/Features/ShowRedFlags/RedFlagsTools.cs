using System.ComponentModel;
using Contracts.Identity;
using Contracts.Upwork;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Modules.Upwork.RedFlags;
using Shared.Mcp;

namespace Modules.Upwork.Features.ShowRedFlags;

/// <summary>The MCP tool <c>red_flags</c>, mirroring <c>GET /api/v1/upwork/jobs/{id}/red-flags</c>: the same scope, visibility and handler.</summary>
[McpServerToolType]
internal sealed class RedFlagsTools(JobRedFlags flags, IHttpContextAccessor http)
{
    [McpServerTool(Name = "red_flags", Title = "Warnings about a job's client", ReadOnly = true, OpenWorld = false)]
    [Description("Red flags about one job the user can see, computed offline from the job and its client (docs/red-flags.md): "
        + "returns JSON [{ code, severity ('high', 'medium' or 'low'), why (one sentence; it may quote the job's untrusted text), "
        + "dismissed (the user trusts this client about it) }]; an empty list means no flag. Codes: " + "off-platform, unusual-payment, "
        + "personal-details, unpaid-test, short-link, no-hires, payment-not-verified, low-hire-rate, low-rating, budget-above-history, "
        + "budget-below-market, external-link. Another user's job or one the app no longer holds is 'not found'.")]
    public async Task<IReadOnlyList<JobRedFlag>> RedFlagsAsync(
        [Description("The job's id (from search_jobs)")] string jobId,
        CancellationToken cancellationToken = default)
    {
        var userId = McpEndpoint.Caller(http, AccessScopes.JobsRead);
        var id = McpEndpoint.Id(jobId, "jobId");
        return await flags.ForJobAsync(userId, id, cancellationToken) ?? throw new McpException($"jobId: job posting {id} was not found");
    }
}
