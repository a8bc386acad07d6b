using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class UnannouncedJobPostingConfiguration : IEntityTypeConfiguration<UnannouncedJobPosting>
{
    public void Configure(EntityTypeBuilder<UnannouncedJobPosting> b)
    {
        b.ToTable("unannounced_jobs", UpworkSchema.Name);
        b.HasKey(u => u.JobPostingId);
        b.HasIndex(u => u.CreatedAt);
        // The purge deletes jobs in bulk: the database deletes their markers with them.
        b.HasOne<JobPosting>().WithMany().HasForeignKey(u => u.JobPostingId).OnDelete(DeleteBehavior.Cascade);
    }
}
