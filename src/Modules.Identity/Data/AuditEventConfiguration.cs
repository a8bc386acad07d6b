using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events", IdentitySchema.Name);
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(50);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Count).HasDefaultValue(1);
        b.HasIndex(e => new { e.UserId, e.CreatedAt });
        b.HasIndex(e => e.CreatedAt);   // the workspace listing (newest first) and the retention purge
    }
}
