using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

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
