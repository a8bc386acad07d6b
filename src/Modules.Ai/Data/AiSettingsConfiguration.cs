using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

internal sealed class AiSettingsConfiguration : IEntityTypeConfiguration<AiSettings>
{
    public void Configure(EntityTypeBuilder<AiSettings> b)
    {
        b.ToTable("settings", AiSchema.Name);
        b.HasKey(s => s.UserId);
        b.Property(s => s.ProviderOrder).HasMaxLength(200);
        b.Property(s => s.OpenAIModel).HasMaxLength(100);
        b.Property(s => s.AnthropicModel).HasMaxLength(100);
        b.Property(s => s.CompatibleModel).HasMaxLength(100);
        b.Property(s => s.CompatibleBaseUrl).HasMaxLength(500);
        b.Property(s => s.MonthlySpendingCapUsd).HasPrecision(10, 2);
    }
}
