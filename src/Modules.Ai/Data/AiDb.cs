using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

/// <summary>The module's tables, for its own code only.</summary>
internal static class AiDb
{
    public static DbSet<Generation> Generations(this AppDbContext db) => db.Set<Generation>();
    public static DbSet<PromptTemplate> Templates(this AppDbContext db) => db.Set<PromptTemplate>();
    public static DbSet<AiSettings> AiSettings(this AppDbContext db) => db.Set<AiSettings>();
    public static DbSet<TrainedModelRow> Models(this AppDbContext db) => db.Set<TrainedModelRow>();
    public static DbSet<LetterDraft> LetterDrafts(this AppDbContext db) => db.Set<LetterDraft>();
}
