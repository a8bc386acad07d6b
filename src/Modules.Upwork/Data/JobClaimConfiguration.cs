using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class JobClaimConfiguration : IEntityTypeConfiguration<JobClaim>
{
    public void Configure(EntityTypeBuilder<JobClaim> b)
    {
        b.ToTable("job_claims", UpworkSchema.Name);
        b.HasKey(c => c.JobPostingId);
        b.HasIndex(c => c.UserId);
    }
}
