using Contracts.Upwork;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Modules.Analytics.Rollups;

namespace Modules.Analytics.Data;

internal sealed class ProposalRollupConfiguration : IEntityTypeConfiguration<ProposalRollup>
{
    public void Configure(EntityTypeBuilder<ProposalRollup> b)
    {
        b.ToTable("proposal_rollups", AnalyticsSchema.Name);
        b.HasKey(r => new { r.UserId, r.ProfileId, r.Day, r.Dimension, r.Bucket });
        b.HasIndex(r => new { r.UserId, r.Day, r.Dimension });
        b.Property(r => r.Dimension).HasMaxLength(30);
        b.Property(r => r.Bucket).HasMaxLength(200);
        b.Property(r => r.Revenue).HasPrecision(14, 2);
        b.Property(r => r.QualitySum).HasPrecision(14, 4);
    }
}
