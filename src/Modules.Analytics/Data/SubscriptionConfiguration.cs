using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Analytics.Data;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("subscriptions", AnalyticsSchema.Name);
        b.HasKey(s => s.Id);
        b.Property(s => s.Customer).HasMaxLength(200);
        b.Property(s => s.Plan).HasMaxLength(50);
        b.Property(s => s.Interval).HasMaxLength(10);
        b.Property(s => s.Price).HasPrecision(12, 2);
        b.HasIndex(s => s.Start);
    }
}
