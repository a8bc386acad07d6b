using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class WebhookSourceConfiguration : IEntityTypeConfiguration<WebhookSource>
{
    public void Configure(EntityTypeBuilder<WebhookSource> b)
    {
        b.ToTable("webhook_sources", UpworkSchema.Name);
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.UserId);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Secret).HasMaxLength(500);
    }
}
