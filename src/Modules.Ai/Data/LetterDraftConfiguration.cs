using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

internal sealed class LetterDraftConfiguration : IEntityTypeConfiguration<LetterDraft>
{
    public void Configure(EntityTypeBuilder<LetterDraft> b)
    {
        b.ToTable("letter_drafts", AiSchema.Name);
        b.HasKey(d => new { d.UserId, d.JobPostingId });
        b.Property(d => d.Text).HasMaxLength(20_000);
        b.Property(d => d.Answers).HasMaxLength(60_000);
    }
}
