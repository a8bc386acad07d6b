using Contracts.Ai;
using FluentValidation;
using Contracts.Upwork;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Analytics.Data;
using Modules.Analytics.Integrations;

namespace Modules.Analytics.Features.ShowDashboard;

/// <summary>Query string of the dashboard routes: a period (default the last 30 days) and optionally one profile.</summary>
internal sealed record DashboardQuery(DateOnly? From = null, DateOnly? To = null, Guid? ProfileId = null, string? Scope = null)
{
    /// <summary>The workspace's numbers rather than the caller's (admins only).</summary>
    public bool Team => Scope == "team";
}

/// <summary>
/// The user's dashboard: facts asked of the Upwork and AI modules through their contracts (only the user's own), jobs
/// found from this module's daily counts, computed by <see cref="DashboardCalculator"/>. Cached 30 minutes (the spec's
/// analytics TTL) per user, period and profile, and dropped at once when the user's proposals change.
/// </summary>
internal sealed class ShowDashboard(
    IDbContextFactory<AppDbContext> contexts, IUpworkActivity upwork, IAiUsage ai, HybridCache cache, AnalyticsVersions versions,
    IOptions<AnalyticsOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);
    public const int MaxDays = 366;

    public (DateOnly From, DateOnly To) Period(DashboardQuery q)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var to = q.To ?? today;
        return (q.From ?? to.AddDays(-29), to);
    }

    /// <summary>The caller's numbers, or with <see cref="DashboardQuery.Team"/> the workspace's (the endpoint checks the caller is an admin).</summary>
    public async Task<DashboardData> RunAsync(Guid userId, DashboardQuery query, CancellationToken ct)
    {
        var (from, to) = Period(query);
        Guid? who = query.Team ? null : userId;
        var version = await versions.GetAsync(who ?? AnalyticsVersions.Team, ct);
        return await cache.GetOrCreateAsync($"analytics:{who?.ToString("N") ?? "team"}:{from:yyyyMMdd}:{to:yyyyMMdd}:{query.ProfileId:N}:{version}",
            async token => await ComputeAsync(who, from, to, query.ProfileId, token),
            new HybridCacheEntryOptions { Expiration = Ttl, LocalCacheExpiration = Ttl }, cancellationToken: ct);
    }

    private async Task<DashboardData> ComputeAsync(Guid? userId, DateOnly from, DateOnly to, Guid? profileId, CancellationToken ct)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var previousFrom = from.AddDays(-days);
        var proposals = await upwork.ProposalsAsync(userId, 100_000, ct);
        if (profileId is { } pid) proposals = proposals.Where(p => p.ProfileId == pid).ToList();
        var matches = await upwork.MatchesPerDayAsync(userId, previousFrom, to, ct);
        var generations = await ai.GenerationsAsync(userId, Start(previousFrom), Start(to.AddDays(1)), ct);
        List<DailyMetric> counts;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            counts = await db.DailyMetrics().AsNoTracking()
                .Where(m => (m.Metric == DailyMetrics.JobsFound || m.Metric == DailyMetrics.DemoJobsFound) && m.Day >= previousFrom && m.Day <= to).ToListAsync(ct);
        var found = counts.Where(m => m.Metric == DailyMetrics.JobsFound).ToDictionary(m => m.Day, m => (int)m.Value);
        var facts = new PeriodFacts(proposals, matches, found, generations);
        var demo = (int)counts.Where(m => m.Metric == DailyMetrics.DemoJobsFound && m.Day >= from).Sum(m => m.Value);
        return DashboardCalculator.Compute(from, to, facts, facts, options.Value.ConnectPriceUsd) with { DemoJobsFound = demo };
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

internal sealed class DashboardQueryValidator : AbstractValidator<DashboardQuery>
{
    public DashboardQueryValidator()
    {
        RuleFor(q => q.Scope).Must(s => s is null or "me" or "team").WithMessage("scope must be me or team");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("to must not be before from");
        RuleFor(q => q.From).Must((q, from) => from is null || (q.To ?? DateOnly.FromDateTime(DateTime.UtcNow)).DayNumber - from.Value.DayNumber < ShowDashboard.MaxDays)
            .WithMessage($"the period may be at most {ShowDashboard.MaxDays} days");
    }
}
