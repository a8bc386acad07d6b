using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class UsageCounterConfiguration : IEntityTypeConfiguration<UsageCounter>
{
    public void Configure(EntityTypeBuilder<UsageCounter> b)
    {
        b.ToTable("usage_counters", IdentitySchema.Name);
        b.HasKey(c => new { c.UserId, c.Period, c.Feature });
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.Feature).HasMaxLength(50);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
