using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class UpworkConnectionConfiguration : IEntityTypeConfiguration<UpworkConnection>
{
    public void Configure(EntityTypeBuilder<UpworkConnection> b)
    {
        b.ToTable("connections", UpworkSchema.Name);
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.UserId).IsUnique();
        b.HasIndex(c => c.UpworkUserId);
        b.Property(c => c.UpworkUserId).HasMaxLength(40);
        b.Property(c => c.UpworkNid).HasMaxLength(100);
        b.Property(c => c.UpworkName).HasMaxLength(200);
        b.Property(c => c.UpworkEmail).HasMaxLength(256);
        b.Property(c => c.OrganizationId).HasMaxLength(40);
        b.Property(c => c.OrganizationName).HasMaxLength(200);
        b.Property(c => c.AccessToken).HasMaxLength(1000);
        b.Property(c => c.RefreshToken).HasMaxLength(1000);
        b.Property(c => c.Status).HasMaxLength(20);
        b.Property(c => c.LastError).HasMaxLength(1000);
    }
}
