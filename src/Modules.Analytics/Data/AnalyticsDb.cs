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
    /// <summary>New jobs that arrived in the workspace that day (the admin's team view).</summary>
    public const string JobsFound = "jobs_found";

    /// <summary>
    /// Jobs that reached one user that day (their own connection's fetch, a paste, their webhook): what their own
    /// dashboard counts, with the demo jobs everyone sees. Upwork jobs fetched with another user's token are not theirs.
    /// </summary>
    public static string JobsFoundBy(Guid userId) => $"jobs_found:{userId:N}";

    /// <summary>Of those, jobs from the labelled demo feed.</summary>
    public const string DemoJobsFound = "jobs_found_demo";

    /// <summary>Set (on day 1) once the proposal rollups were first built, so a new or upgraded install builds them once.</summary>
    public const string RollupsBuilt = "rollups_built";
}
