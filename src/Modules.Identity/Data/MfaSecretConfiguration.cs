using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class MfaSecretConfiguration : IEntityTypeConfiguration<MfaSecret>
{
    public void Configure(EntityTypeBuilder<MfaSecret> b)
    {
        b.ToTable("mfa_secrets", IdentitySchema.Name);
        b.HasKey(m => m.UserId);
        b.Property(m => m.Ciphertext).HasMaxLength(200);
        b.Property(m => m.Nonce).HasMaxLength(32);
        b.Property(m => m.Tag).HasMaxLength(32);
        // Spending a recovery code rewrites the list WHERE it is still what was read: two requests racing with the same
        // code cannot both pass (the loser's UPDATE matches no row).
        b.Property(m => m.RecoveryCodeHashes).IsConcurrencyToken();
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
