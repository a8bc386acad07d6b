using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class SavedSearchFollowConfiguration : IEntityTypeConfiguration<SavedSearchFollow>
{
    public void Configure(EntityTypeBuilder<SavedSearchFollow> b)
    {
        b.ToTable("saved_search_follows", UpworkSchema.Name);
        b.HasKey(f => new { f.SavedSearchId, f.UserId });
        b.HasIndex(f => f.UserId);
    }
}
