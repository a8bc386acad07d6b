using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> b)
    {
        b.ToTable("webhook_receipts", UpworkSchema.Name);
        b.HasKey(r => new { r.SourceId, r.EventId });
        b.Property(r => r.EventId).HasMaxLength(200);
        b.HasIndex(r => r.ReceivedAt);
    }
}
