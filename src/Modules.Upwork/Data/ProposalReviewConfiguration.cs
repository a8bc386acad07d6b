using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class ProposalReviewConfiguration : IEntityTypeConfiguration<ProposalReview>
{
    public void Configure(EntityTypeBuilder<ProposalReview> b)
    {
        b.ToTable("proposal_reviews", UpworkSchema.Name);
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.ProposalId).IsUnique();
        b.HasIndex(r => new { r.State, r.SentAt });
        b.HasIndex(r => r.BidderId);
        b.Property(r => r.State).HasMaxLength(20);
        b.Property(r => r.Letter).HasMaxLength(20_000);
        b.Property(r => r.ApprovedLetter).HasMaxLength(20_000);
        b.Property(r => r.ScreeningAnswers).HasMaxLength(60_000);
        b.Property(r => r.QualityNotes).HasMaxLength(10_000);
        b.Property(r => r.QualityScore).HasPrecision(4, 3);
        b.Property(r => r.Comment).HasMaxLength(2_000);
    }
}
