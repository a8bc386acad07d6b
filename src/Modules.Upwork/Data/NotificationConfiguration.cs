using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications", UpworkSchema.Name);
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.Property(n => n.Kind).HasMaxLength(30);
        b.Property(n => n.Title).HasMaxLength(500);
        b.Property(n => n.Detail).HasMaxLength(1000);
    }
}
