namespace Modules.Analytics.Data;

internal static class AnalyticsDb
{
    public static DbSet<DailyMetric> DailyMetrics(this AppDbContext db) => db.Set<DailyMetric>();
}
