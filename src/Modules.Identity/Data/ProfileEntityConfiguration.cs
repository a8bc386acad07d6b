using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class ProfileEntityConfiguration : IEntityTypeConfiguration<ProfileEntity>
{
    public void Configure(EntityTypeBuilder<ProfileEntity> b)
    {
        b.ToTable("freelancer_profiles", IdentitySchema.Name);
        b.HasKey(p => p.Id);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Overview).HasMaxLength(5000);
        b.Property(p => p.HourlyRate).HasPrecision(10, 2);
        b.HasIndex(p => p.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(p => p.Portfolio, o => o.ToJson("portfolio"));
        b.OwnsMany(p => p.SampleLetters, o => o.ToJson("sample_letters"));
    }
}
