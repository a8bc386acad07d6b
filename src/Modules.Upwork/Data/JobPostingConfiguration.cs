using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Modules.Upwork.Data;

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    /// <summary>Shadow property (column <c>search_vector</c>), PostgreSQL only.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<JobPosting> b)
    {
        b.ToTable("jobs", UpworkSchema.Name);
        b.HasKey(j => j.Id);
        b.Property(j => j.UpworkJobId).HasMaxLength(100);
        b.HasIndex(j => j.UpworkJobId).IsUnique();
        b.Property(j => j.Title).HasMaxLength(500);
        b.Property(j => j.BudgetMin).HasPrecision(10, 2);
        b.Property(j => j.BudgetMax).HasPrecision(10, 2);
        b.Property(j => j.Category).HasMaxLength(100);
        b.Property(j => j.Subcategory).HasMaxLength(100);
        b.Property(j => j.JobType).HasMaxLength(50);
        b.Property(j => j.ExperienceLevel).HasMaxLength(50);
        b.HasIndex(j => j.Category);
        b.HasIndex(j => new { j.BudgetMin, j.BudgetMax });
        b.HasIndex(j => j.CreatedAt);
        b.HasIndex(j => j.PostedAt);
        b.HasIndex(j => new { j.PostedAt, j.Id });   // keyset pages of the newest-first list (read backwards)
        b.HasIndex(j => j.OwnerUserId);
        b.Property(j => j.Source).HasMaxLength(20);
        b.Property(j => j.Url).HasMaxLength(500);
        b.Property(j => j.ClientCountry).HasMaxLength(100);
        b.Property(j => j.ContentHash).HasMaxLength(64);
        b.HasIndex(j => new { j.Source, j.CreatedAt });
        // PostgreSQL full-text search reads a stored tsvector through a GIN index: computed once per write instead of per
        // row read, and ANALYZE keeps statistics on it, so the planner tells a rare word (read the few matches, then sort)
        // from a common one (walk the date index). SqliteAppDbContext drops the column: SQLite searches through FTS5.
        b.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('english'::regconfig, (title || ' ') || COALESCE(description, ''))", stored: true);
        b.HasIndex(SearchVector).HasMethod("GIN").HasDatabaseName("ix_jobs_search_vector");
    }
}
