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

internal sealed class PromptTemplateConfiguration : IEntityTypeConfiguration<PromptTemplate>
{
    public void Configure(EntityTypeBuilder<PromptTemplate> b)
    {
        b.ToTable("templates", AiSchema.Name);
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(300);
        b.Property(t => t.Body).HasMaxLength(8000);
        b.HasIndex(t => new { t.UserId, t.Name }).IsUnique();
    }
}

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

internal sealed class TrainedModelConfiguration : IEntityTypeConfiguration<TrainedModelRow>
{
    public void Configure(EntityTypeBuilder<TrainedModelRow> b)
    {
        b.ToTable("models", AiSchema.Name);
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(50);
        b.HasIndex(m => new { m.Name, m.UserId, m.Version }).IsUnique();
    }
}

/// <summary>The module's tables, for its own code only.</summary>
internal static class AiDb
{
    public static DbSet<Generation> Generations(this AppDbContext db) => db.Set<Generation>();
    public static DbSet<PromptTemplate> Templates(this AppDbContext db) => db.Set<PromptTemplate>();
    public static DbSet<AiSettings> AiSettings(this AppDbContext db) => db.Set<AiSettings>();
    public static DbSet<TrainedModelRow> Models(this AppDbContext db) => db.Set<TrainedModelRow>();
    public static DbSet<LetterDraft> LetterDrafts(this AppDbContext db) => db.Set<LetterDraft>();
}
