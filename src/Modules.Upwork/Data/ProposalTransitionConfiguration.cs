using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class ProposalTransitionConfiguration : IEntityTypeConfiguration<ProposalTransition>
{
    public void Configure(EntityTypeBuilder<ProposalTransition> b)
    {
        b.ToTable("proposal_history", UpworkSchema.Name);
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.ProposalId, t.At });
        b.Property(t => t.FromStatus).HasMaxLength(20);
        b.Property(t => t.ToStatus).HasMaxLength(20);
        b.Property(t => t.Source).HasMaxLength(20);
    }
}
