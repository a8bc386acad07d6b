using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class AlertChannelConfiguration : IEntityTypeConfiguration<AlertChannel>
{
    public void Configure(EntityTypeBuilder<AlertChannel> b)
    {
        b.ToTable("alert_channels", UpworkSchema.Name);
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.UserId);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Target).HasMaxLength(2000);
        b.Property(c => c.Secret).HasMaxLength(1000);
        b.Property(c => c.LastError).HasMaxLength(1000);
        b.Property(c => c.ConfirmationTokenHash).HasMaxLength(64);
        b.HasIndex(c => c.ConfirmationTokenHash).IsUnique();
    }
}
