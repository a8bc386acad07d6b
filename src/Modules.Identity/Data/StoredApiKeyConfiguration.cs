using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class StoredApiKeyConfiguration : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> b)
    {
        b.ToTable("user_api_keys", IdentitySchema.Name);
        b.HasKey(k => k.Id);
        b.Property(k => k.Provider).HasMaxLength(50);
        b.Property(k => k.Ciphertext).HasMaxLength(2000);
        b.Property(k => k.Nonce).HasMaxLength(32);
        b.Property(k => k.Tag).HasMaxLength(32);
        b.Property(k => k.BaseUrl).HasMaxLength(500);
        b.Property(k => k.Hint).HasMaxLength(20);
        b.HasIndex(k => new { k.UserId, k.Provider });
        b.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
