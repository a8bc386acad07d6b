using Contracts.Upwork;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Modules.Analytics.Rollups;

namespace Modules.Analytics.Data;

internal sealed class ProposalFactRowConfiguration : IEntityTypeConfiguration<ProposalFactRow>
{
    public void Configure(EntityTypeBuilder<ProposalFactRow> b)
    {
        b.ToTable("proposal_facts", AnalyticsSchema.Name);
        b.HasKey(f => f.ProposalId);
        b.HasIndex(f => new { f.UserId, f.SubmittedOn });
        b.HasIndex(f => new { f.UserId, f.HiredOn });
        b.Property(f => f.Template).HasMaxLength(200);
        b.Property(f => f.Category).HasMaxLength(200);
        b.Property(f => f.JobType).HasMaxLength(20);
        b.Property(f => f.SavedSearch).HasMaxLength(200);
        b.Property(f => f.BudgetBand).HasMaxLength(30);
        b.Property(f => f.SpeedBucket).HasMaxLength(30);
        b.Property(f => f.PaymentBucket).HasMaxLength(30);
        b.Property(f => f.ClientHiresBucket).HasMaxLength(30);
        b.Property(f => f.CompetitionBucket).HasMaxLength(30);
        b.Property(f => f.LetterBucket).HasMaxLength(30);
        b.Property(f => f.BudgetMin).HasPrecision(12, 2);
        b.Property(f => f.BudgetMax).HasPrecision(12, 2);
        b.Property(f => f.BidAmount).HasPrecision(12, 2);
        b.Property(f => f.Quality).HasPrecision(5, 4);
    }
}
