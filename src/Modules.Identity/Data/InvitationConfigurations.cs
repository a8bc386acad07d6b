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

internal sealed class WorkspaceSettingConfiguration : IEntityTypeConfiguration<WorkspaceSetting>
{
    public void Configure(EntityTypeBuilder<WorkspaceSetting> b)
    {
        b.ToTable("workspace_settings", IdentitySchema.Name);
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(1000);
    }
}
