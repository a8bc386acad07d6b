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
