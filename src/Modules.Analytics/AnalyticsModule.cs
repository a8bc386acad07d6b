using Contracts.Analytics;
using Contracts.Identity;
using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Analytics.Features.RunBacktest;
using Modules.Analytics.Features.ShowBidderNumbers;
using Modules.Analytics.Features.ShowBusinessMetrics;
using Modules.Analytics.Features.ShowDashboard;
using Modules.Analytics.Features.ShowWhatWins;
using Modules.Analytics.Integrations;
using Modules.Analytics.Periods;
using Modules.Analytics.Rollups;
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
        services.AddMcpServer().WithTools<ShowDashboardTools>();   // mirrors GET /analytics/dashboard (docs/mcp.md)
        // Rollups first, then the cache: the next read recomputes from up-to-date rows.
        services.AddTransient<ProposalRollups>();
        services.AddEventHandler<ProposalsChanged, UpdateRollupsOnProposalChange>();
        services.AddEventHandler<ProposalsChanged, ForgetDashboardOnProposalChange>();
        services.AddRecurringJob<RebuildRollupsJob>(RebuildRollupsJob.Key, "0 45 2 * * ?");
        services.AddHostedService<BuildRollupsOnFirstStart>();
        services.AddTransient<IPersonalDataContributor, AnalyticsPersonalData>();
        services.AddInTransactionEventHandler<JobPostingsBatchDiscovered, CountDiscoveredJobs>();
        services.AddInTransactionEventHandler<JobPostingsReachedUser, CountDiscoveredJobs>();
        services.AddTransient<ShowBidderNumbers>();
        services.AddTransient<ShowWhatWins>().AddTransient<IValidator<WhatWinsQuery>, WhatWinsQueryValidator>();
        services.AddTransient<RunBacktest>().AddTransient<IProposalBacktests>(sp => sp.GetRequiredService<RunBacktest>())
            .AddTransient<IValidator<BacktestRequest>, BacktestRequestValidator>();
        services.AddTransient<ManageSubscriptions>().AddTransient<IValidator<SubscriptionInput>, SubscriptionInputValidator>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/analytics</c>: the five routes of docs/specification.md §1, each also as CSV with <c>format=csv</c>, and the admins' business view.</summary>
    public static IEndpointRouteBuilder MapAnalyticsModule(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("analytics", "Analytics").RequireAuthorization(Permissions.Read).MapShowDashboard().MapWhatWins().MapBacktest().MapBidderNumbers();
        app.MapApiGroup("analytics/business", "Analytics").RequireAuthorization(Permissions.Admin).MapBusinessMetrics();
        return app;
    }
}
