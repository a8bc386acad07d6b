using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class SavedJobPostingConfiguration : IEntityTypeConfiguration<SavedJobPosting>
{
    public void Configure(EntityTypeBuilder<SavedJobPosting> b)
    {
        b.ToTable("saved_jobs", UpworkSchema.Name);
        b.HasKey(s => new { s.UserId, s.JobPostingId });
        b.HasIndex(s => s.JobPostingId);
        b.Property(s => s.UpworkJobId).HasMaxLength(100);
        b.Property(s => s.JobTitle).HasMaxLength(500);
        b.Property(s => s.JobUrl).HasMaxLength(500);
    }
}
