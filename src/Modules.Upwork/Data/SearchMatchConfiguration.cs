using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class SearchMatchConfiguration : IEntityTypeConfiguration<SearchMatch>
{
    public void Configure(EntityTypeBuilder<SearchMatch> b)
    {
        b.ToTable("matches", UpworkSchema.Name);
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.SavedSearchId, m.JobPostingId }).IsUnique();
        b.HasIndex(m => new { m.UserId, m.MatchedAt });
        b.HasIndex(m => m.JobPostingId);
    }
}
