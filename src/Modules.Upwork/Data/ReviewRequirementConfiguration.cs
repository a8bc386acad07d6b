using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class ReviewRequirementConfiguration : IEntityTypeConfiguration<ReviewRequirement>
{
    public void Configure(EntityTypeBuilder<ReviewRequirement> b)
    {
        b.ToTable("review_requirements", UpworkSchema.Name);
        b.HasKey(r => r.BidderId);
        // Guid.Empty is the rule for every bidder: a key EF generated on insert would replace it.
        b.Property(r => r.BidderId).ValueGeneratedNever();
    }
}
