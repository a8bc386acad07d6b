using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class JobAccessConfiguration : IEntityTypeConfiguration<JobAccess>
{
    public void Configure(EntityTypeBuilder<JobAccess> b)
    {
        b.ToTable("job_access", UpworkSchema.Name);
        b.HasKey(a => new { a.JobPostingId, a.UserId, a.Via });
        b.HasIndex(a => new { a.UserId, a.JobPostingId });
        b.Property(a => a.Via).HasMaxLength(20);
        // The database deletes a job's rows with it: the purge deletes jobs in bulk.
        b.HasOne<JobPosting>().WithMany().HasForeignKey(a => a.JobPostingId).OnDelete(DeleteBehavior.Cascade);
    }
}
