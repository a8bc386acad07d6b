using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

internal sealed class TrainedModelRowConfiguration : IEntityTypeConfiguration<TrainedModelRow>
{
    public void Configure(EntityTypeBuilder<TrainedModelRow> b)
    {
        b.ToTable("models", AiSchema.Name);
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(50);
        b.HasIndex(m => new { m.Name, m.UserId, m.Version }).IsUnique();
    }
}
