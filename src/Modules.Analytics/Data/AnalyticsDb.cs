namespace Modules.Analytics.Data;

internal static class AnalyticsDb
{
    public static DbSet<DailyMetric> DailyMetrics(this AppDbContext db) => db.Set<DailyMetric>();
    public static DbSet<Subscription> Subscriptions(this AppDbContext db) => db.Set<Subscription>();
    public static DbSet<ProposalFactRow> ProposalFacts(this AppDbContext db) => db.Set<ProposalFactRow>();
    public static DbSet<ProposalRollup> ProposalRollups(this AppDbContext db) => db.Set<ProposalRollup>();
}

/// <summary>Names of the daily metrics this module keeps.</summary>
internal static class DailyMetrics
{
    /// <summary>New jobs that arrived in the workspace that day.</summary>
    public const string JobsFound = "jobs_found";

    /// <summary>Of those, jobs from the labelled demo feed.</summary>
    public const string DemoJobsFound = "jobs_found_demo";

    /// <summary>Set (on day 1) once the proposal rollups were first built, so a new or upgraded install builds them once.</summary>
    public const string RollupsBuilt = "rollups_built";
}
