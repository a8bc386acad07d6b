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

/// <summary>Named like a Quartz job, but is not one.</summary>
internal sealed record LetterJob(Guid JobPostingId);

/// <summary>A real Quartz job: the name keeps its promise.</summary>
internal sealed class CleanUpJob : Quartz.IJob
{
    public ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>Named like a page, but is a record.</summary>
internal sealed record ResultPage(int Total);

/// <summary>A routable component (the name keeps its promise) that opens the database itself.</summary>
[Microsoft.AspNetCore.Components.Route("/deliberate")]
internal sealed class RoutedPage(IDbContextFactory<Shared.Data.AppDbContext> contexts) : Microsoft.AspNetCore.Components.ComponentBase
{
    protected override async Task OnInitializedAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
    }
}
