using Contracts.Identity;
using Modules.Analytics.Features.ExportCsv;
using Modules.Analytics.Periods;

namespace Modules.Analytics.Features.ShowDashboard;

/// <summary>The five analytics routes of docs/specification.md §1, each also as CSV with <c>format=csv</c>.</summary>
internal static class ShowDashboardEndpoints
{
    public static RouteGroupBuilder MapShowDashboard(this RouteGroupBuilder api)
    {
        // The team view (scope=team) is the workspace's numbers: admins, reviewers and viewers; bidders see their own.
        api.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Query["scope"] == "team" && !context.HttpContext.User.Allows(Permissions.TeamRead)
                ? ApiResults.Error(StatusCodes.Status403Forbidden, "Only an admin, reviewer or viewer can see the team's numbers", [new ApiFieldError("scope", "scope=team is for admins, reviewers and viewers")])
                : await next(context));
        // A profile id must be the caller's own (in the team view, any member's): another user's is not found.
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.Request.Query["profileId"], out var profileId)) return await next(context);
            var dashboard = http.RequestServices.GetRequiredService<ShowDashboard>();
            return await dashboard.MayShowProfileAsync(UserIds.Require(http), profileId, http.Request.Query["scope"] == "team", http.RequestAborted)
                ? await next(context)
                : ApiResults.Error(StatusCodes.Status404NotFound, "Profile not found", [new ApiFieldError("profileId", "no profile of yours has this id")]);
        });
        api.MapGet("/dashboard", async ([AsParameters] DashboardQuery q, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                return format == "csv"
                    ? CsvExport.File("dashboard", ["metric", "value", "previous"], d.Kpis.Select(k => new object?[] { k.Key, k.Value, k.Previous }))
                    : ApiResults.Ok(d);
            })
           .Validate<DashboardQuery>()
           .RequireScope(AccessScopes.AnalyticsRead).WithSummary("KPIs for the period (default: last 30 days) against the previous one, the funnel, weekly proposals and hires, win rates, AI use");
        api.MapGet("/jobs", async ([AsParameters] DashboardQuery q, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                return format == "csv"
                    ? CsvExport.File("jobs", ["day", "found", "matched"], d.Daily.Select(x => new object?[] { x.Day, x.Found, x.Matched }))
                    : ApiResults.Ok(d.Daily.Select(x => new { x.Day, x.Found, x.Matched }));
            })
           .Validate<DashboardQuery>()
           .WithSummary("Jobs found in the workspace and matched by your searches, per day");
        api.MapGet("/proposals", async ([AsParameters] DashboardQuery q, string? groupBy, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                var key = groupBy ?? "week";
                if (key == "week")
                    return format == "csv"
                        ? CsvExport.File("proposals-by-week", ["week_start", "sent", "hired"], d.Weekly.Select(w => new object?[] { w.WeekStart, w.Sent, w.Hired }))
                        : ApiResults.Ok(d.Weekly);
                if (!d.WinRates.TryGetValue(key, out var rows))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "Unknown grouping",
                        [new ApiFieldError("groupBy", $"groupBy must be one of week, {string.Join(", ", d.WinRates.Keys)}")]);
                return format == "csv"
                    ? CsvExport.File($"proposals-by-{key}", [key, "sent", "won", "win_rate"], rows.Select(r => new object?[] { r.Label, r.Sent, r.Won, r.WinRate }))
                    : ApiResults.Ok(rows);
            })
           .Validate<DashboardQuery>()
           .WithSummary("Proposals sent and won, grouped by week, template, category, budget, hour or weekday");
        api.MapGet("/revenue", async ([AsParameters] DashboardQuery q, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                var rows = d.Daily.Where(x => x.Revenue != 0 || x.Hired != 0).Select(x => new { x.Day, x.Hired, x.Revenue }).ToList();
                return format == "csv" ? CsvExport.File("revenue", ["day", "hired", "revenue_usd"], rows.Select(x => new object?[] { x.Day, x.Hired, x.Revenue })) : ApiResults.Ok(new
                {
                    total = rows.Sum(x => x.Revenue), days = rows,
                });
            })
           .Validate<DashboardQuery>()
           .WithSummary("Revenue from hired proposals, per day, with the total");
        api.MapGet("/performance", async ([AsParameters] DashboardQuery q, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                return format == "csv"
                    ? CsvExport.File("ai-performance", ["provider", "generations", "cache_hits", "spend_usd", "average_quality"], d.Ai.Select(p => new object?[] { p.Provider, p.Generations, p.CacheHits, p.Spend, p.AverageQuality }))
                    : ApiResults.Ok(new { providers = d.Ai, quality = d.Quality, d.Funnel });
            })
           .Validate<DashboardQuery>()
           .WithSummary("AI use per provider (letters, cache hits, spend, quality) and letter quality against outcome");
        return api;
    }
}
