using System.Globalization;
using System.Text;
using Contracts.Identity;
using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Analytics.Features.BusinessMetrics;
using Modules.Analytics.Features.Rollups;
using Modules.Analytics.Features.ShowDashboard;
using Modules.Analytics.Integrations;
using Shared.Events;
using Shared.Jobs;

namespace Modules.Analytics;

/// <summary>Entry point of the Analytics module; the only public non-component type in it.</summary>
public static class AnalyticsModule
{
    /// <summary>Adds the dashboard, its cache invalidation and the daily counters.</summary>
    public static IHostApplicationBuilder AddAnalyticsModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section);
        services.AddSingleton<AnalyticsVersions>();
        services.AddTransient<ShowDashboard>().AddTransient<IValidator<DashboardQuery>, DashboardQueryValidator>();
        // Rollups first, then the cache: the next read recomputes from up-to-date rows.
        services.AddTransient<ProposalRollups>();
        services.AddEventHandler<ProposalsChanged, UpdateRollupsOnProposalChange>();
        services.AddEventHandler<ProposalsChanged, ForgetDashboardOnProposalChange>();
        services.AddRecurringJob<RebuildRollupsJob>(RebuildRollupsJob.Key, "0 45 2 * * ?");
        services.AddHostedService<BuildRollupsOnFirstStart>();
        services.AddTransient<IPersonalDataContributor, AnalyticsPersonalData>();
        services.AddEventHandler<JobPostingsBatchDiscovered, CountDiscoveredJobs>();
        services.AddEventHandler<JobPostingsReachedUser, CountDiscoveredJobs>();
        services.AddTransient<ManageSubscriptions>().AddTransient<IValidator<SubscriptionInput>, SubscriptionInputValidator>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/analytics</c>: the spec's five routes, each also as CSV with <c>format=csv</c>.</summary>
    public static IEndpointRouteBuilder MapAnalyticsModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("analytics", "Analytics").RequireAuthorization();
        // The team view (scope=team) is the workspace's numbers: admins only; members see their own.
        api.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Query["scope"] == "team" && !context.HttpContext.User.IsInRole(Roles.Admin)
                ? ApiResults.Error(StatusCodes.Status403Forbidden, "Only a workspace admin can see the team's numbers", [new ApiFieldError("scope", "scope=team is for admins")])
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
                    ? Csv("dashboard", ["metric", "value", "previous"], d.Kpis.Select(k => new object?[] { k.Key, k.Value, k.Previous }))
                    : ApiResults.Ok(d);
            })
           .Validate<DashboardQuery>()
           .WithSummary("KPIs for the period (default: last 30 days) against the previous one, the funnel, weekly proposals and hires, win rates, AI use");
        api.MapGet("/jobs", async ([AsParameters] DashboardQuery q, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                return format == "csv"
                    ? Csv("jobs", ["day", "found", "matched"], d.Daily.Select(x => new object?[] { x.Day, x.Found, x.Matched }))
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
                        ? Csv("proposals-by-week", ["week_start", "sent", "hired"], d.Weekly.Select(w => new object?[] { w.WeekStart, w.Sent, w.Hired }))
                        : ApiResults.Ok(d.Weekly);
                if (!d.WinRates.TryGetValue(key, out var rows))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "Unknown grouping",
                        [new ApiFieldError("groupBy", $"groupBy must be one of week, {string.Join(", ", d.WinRates.Keys)}")]);
                return format == "csv"
                    ? Csv($"proposals-by-{key}", [key, "sent", "won", "win_rate"], rows.Select(r => new object?[] { r.Label, r.Sent, r.Won, r.WinRate }))
                    : ApiResults.Ok(rows);
            })
           .Validate<DashboardQuery>()
           .WithSummary("Proposals sent and won, grouped by week, template, category, budget, hour or weekday");
        api.MapGet("/revenue", async ([AsParameters] DashboardQuery q, string? format, HttpContext http, ShowDashboard dashboard, CancellationToken ct) =>
            {
                var d = await dashboard.RunAsync(UserIds.Require(http), q, ct);
                var rows = d.Daily.Where(x => x.Revenue != 0 || x.Hired != 0).Select(x => new { x.Day, x.Hired, x.Revenue }).ToList();
                return format == "csv" ? Csv("revenue", ["day", "hired", "revenue_usd"], rows.Select(x => new object?[] { x.Day, x.Hired, x.Revenue })) : ApiResults.Ok(new
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
                    ? Csv("ai-performance", ["provider", "generations", "cache_hits", "spend_usd", "average_quality"], d.Ai.Select(p => new object?[] { p.Provider, p.Generations, p.CacheHits, p.Spend, p.AverageQuality }))
                    : ApiResults.Ok(new { providers = d.Ai, quality = d.Quality, d.Funnel });
            })
           .Validate<DashboardQuery>()
           .WithSummary("AI use per provider (letters, cache hits, spend, quality) and letter quality against outcome");

        // The operator's business view (admins only): subscriptions and the MRR, churn and LTV computed from them.
        var business = app.MapApiGroup("analytics/business", "Analytics").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        business.MapGet("/", async (ManageSubscriptions subs, CancellationToken ct) => ApiResults.Ok(await subs.ViewAsync(ct)))
           .WithSummary("MRR today, the last twelve months (MRR, churn, ARPU, LTV) and plan shares (admins only)");
        business.MapGet("/subscriptions", async (ManageSubscriptions subs, CancellationToken ct) => ApiResults.Ok(await subs.AllAsync(ct)))
           .WithSummary("The subscription book (admins only)");
        business.MapPost("/subscriptions", async (SubscriptionInput input, ManageSubscriptions subs, CancellationToken ct) =>
                ApiResults.Created(await subs.AddAsync(input, ct)))
           .Validate<SubscriptionInput>()
           .WithSummary("Adds a subscription (admins only)");
        business.MapPut("/subscriptions/{id:guid}/end", async (Guid id, DateOnly? end, ManageSubscriptions subs, CancellationToken ct) =>
                await subs.EndAsync(id, end, ct) ? (IResult)ApiResults.Ok(new { id, end }) : ApiResults.NotFound("Subscription not found"))
           .WithSummary("Ends a subscription on a date, or reopens it without one (admins only)");
        return app;
    }

    /// <summary>RFC 4180 CSV; a cell a spreadsheet would run as a formula (= + - @) is prefixed with a quote.</summary>
    private static IResult Csv(string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder().AppendJoin(',', header).Append("\r\n");
        foreach (var row in rows) sb.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(sb.ToString()), "text/csv; charset=utf-8", $"{name}.csv");
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && "=+-@".Contains(text[0]) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
