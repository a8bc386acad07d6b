using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectureTests;

// Deliberately bad types: the rules must flag them when pointed at this assembly.

/// <summary>A public service: a module must keep these internal.</summary>
public sealed class LeakyService;

/// <summary>A public static entry class: the one public shape a module may have.</summary>
public static class BadModule;

internal sealed class MisplacedEntity
{
    public int Id { get; set; }
}

internal sealed class MisplacedEntityConfiguration : IEntityTypeConfiguration<MisplacedEntity>
{
    public void Configure(EntityTypeBuilder<MisplacedEntity> b) => b.ToTable("misplaced", "upwork");
}

/// <summary>Models differ by module list in these tests, so the cache key must include it.</summary>
internal sealed class PerCatalogModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, ((Shared.Data.AppDbContext)context).Modules.Assemblies.Count);
}
