using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Analytics.Data;

internal sealed class DailyMetricConfiguration : IEntityTypeConfiguration<DailyMetric>
{
    public void Configure(EntityTypeBuilder<DailyMetric> b)
    {
        b.ToTable("daily_metrics", AnalyticsSchema.Name);
        b.HasKey(m => new { m.Day, m.Metric });
        b.Property(m => m.Metric).HasMaxLength(100);
        b.Property(m => m.Value).HasPrecision(18, 4);
    }
}
