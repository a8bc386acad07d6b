using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("saved_searches", UpworkSchema.Name);
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.FilterKey);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Query).HasMaxLength(500);
        b.Property(s => s.JobType).HasMaxLength(20);
        b.Property(s => s.ExperienceLevel).HasMaxLength(20);
        b.Property(s => s.FilterKey).HasMaxLength(64);
    }
}
