using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions", IdentitySchema.Name);
        b.HasKey(s => s.Id);
        b.Property(s => s.Kind).HasMaxLength(20);
        b.Property(s => s.Device).HasMaxLength(300);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.RevokedReason).HasMaxLength(100);
        b.HasIndex(s => s.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("refresh_tokens", IdentitySchema.Name);
        b.HasKey(t => t.Id);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.SessionId);
        b.HasOne<Session>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events", IdentitySchema.Name);
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(50);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.HasIndex(e => new { e.UserId, e.CreatedAt });
    }
}
