using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("invitations", IdentitySchema.Name);
        b.HasKey(i => i.Id);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.UsedByEmail).HasMaxLength(256);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.CreatedBy);
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.Cascade);
    }
}
