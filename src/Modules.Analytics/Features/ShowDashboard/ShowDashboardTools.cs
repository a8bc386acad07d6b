using System.ComponentModel;
using System.Globalization;
using Contracts.Identity;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Modules.Analytics.Periods;
using Shared.Mcp;

namespace Modules.Analytics.Features.ShowDashboard;

/// <summary>
/// The MCP tool <c>get_dashboard</c>, mirroring <c>GET /api/v1/analytics/dashboard</c> for the caller's own numbers
/// (the team view stays with the signed-in admin): the same scope, validator, profile check and handler.
/// </summary>
[McpServerToolType]
internal sealed class ShowDashboardTools(ShowDashboard dashboard, IHttpContextAccessor http, IServiceProvider services)
{
    [McpServerTool(Name = "get_dashboard", Title = "Proposal dashboard", ReadOnly = true, OpenWorld = false)]
    [Description("The user's proposal numbers for a period (default: the last 30 days) against the period before: KPIs (proposals sent, "
        + "views, interviews, hires, win rate in %, revenue in USD, AI letters), the funnel, weekly proposals and hires, win rates by group, "
        + "AI use. Returns the dashboard as JSON. Periods are whole UTC days, at most 366 days.")]
    public async Task<DashboardData> GetDashboardAsync(
        [Description("First day, yyyy-MM-dd (default: 29 days before to)")] string? from = null,
        [Description("Last day, yyyy-MM-dd (default: today)")] string? to = null,
        [Description("Only proposals written as this freelancer profile (resource upwork-assistant://profiles)")] string? profileId = null,
        CancellationToken cancellationToken = default)
    {
        var userId = McpEndpoint.Caller(http, AccessScopes.AnalyticsRead);
        var query = new DashboardQuery(Day(from, "from"), Day(to, "to"), profileId is null ? null : McpEndpoint.Id(profileId, "profileId"));
        await McpEndpoint.ValidateAsync(services, query, cancellationToken);
        if (query.ProfileId is { } profile && !await dashboard.MayShowProfileAsync(userId, profile, team: false, cancellationToken))
            throw new McpException("profileId: no profile of yours has this id");
        return await dashboard.RunAsync(userId, query, cancellationToken);
    }

    private static DateOnly? Day(string? value, string argument) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new McpException($"{argument} must be a date as yyyy-MM-dd");
}
