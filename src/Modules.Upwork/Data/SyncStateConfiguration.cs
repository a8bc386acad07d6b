using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class SyncStateConfiguration : IEntityTypeConfiguration<SyncState>
{
    public void Configure(EntityTypeBuilder<SyncState> b)
    {
        b.ToTable("sync_states", UpworkSchema.Name);
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.HighWaterIds).HasMaxLength(4000);
        b.Property(s => s.LastError).HasMaxLength(1000);
    }
}
