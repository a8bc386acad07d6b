using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals", UpworkSchema.Name);
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.UserId, p.Status });
        b.HasIndex(p => p.JobPostingId);
        b.HasIndex(p => new { p.UserId, p.FollowUpAt });
        b.Property(p => p.Status).HasMaxLength(20);
        b.Property(p => p.BidAmount).HasPrecision(10, 2);
        b.Property(p => p.CoverLetter).HasMaxLength(20_000);
        b.Property(p => p.ScreeningAnswers).HasMaxLength(60_000);
        b.Property(p => p.TemplateName).HasMaxLength(100);
        b.Property(p => p.JobTitle).HasMaxLength(500);
        b.Property(p => p.UpworkJobId).HasMaxLength(100);
        b.Property(p => p.JobUrl).HasMaxLength(500);
    }
}
