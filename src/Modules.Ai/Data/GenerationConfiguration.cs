using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

internal sealed class GenerationConfiguration : IEntityTypeConfiguration<Generation>
{
    public void Configure(EntityTypeBuilder<Generation> b)
    {
        b.ToTable("generations", AiSchema.Name);
        b.HasKey(g => g.Id);
        b.Property(g => g.Kind).HasMaxLength(20);
        b.Property(g => g.TemplateId).HasMaxLength(64);
        b.Property(g => g.Tone).HasMaxLength(30);
        b.Property(g => g.Provider).HasMaxLength(50);
        b.Property(g => g.Model).HasMaxLength(100);
        b.Property(g => g.Cost).HasPrecision(10, 6);
        b.Property(g => g.QualityScore).HasPrecision(3, 2);
        b.HasIndex(g => new { g.UserId, g.CreatedAt });
    }
}
