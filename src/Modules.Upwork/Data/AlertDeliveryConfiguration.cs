using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> b)
    {
        b.ToTable("alert_deliveries", UpworkSchema.Name);
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.ChannelId, d.NotificationId }).IsUnique();
        b.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
        b.Property(d => d.LastError).HasMaxLength(1000);
    }
}
