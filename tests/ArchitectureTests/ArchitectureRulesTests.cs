using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Shared.Data;
using Shared.Hosting;
using UpworkAssistant.App;

namespace ArchitectureTests;

public sealed class ArchitectureRulesTests
{
    public static TheoryData<string> Modules => new(ModuleRules.ModuleNames);

    [Theory, MemberData(nameof(Modules))]
    public void A_module_references_no_other_module(string name) =>
        ModuleRules.ForbiddenProjectReferences(Assembly.Load(name)).ShouldBeEmpty();

    [Fact]
    public void The_reference_rule_catches_an_assembly_that_references_modules() =>
        // This test assembly references the host, which is exactly what a module must never do.
        ModuleRules.ForbiddenProjectReferences(typeof(ArchitectureRulesTests).Assembly).ShouldContain("UpworkAssistant.App");

    [Theory, MemberData(nameof(Modules))]
    public void Only_the_module_class_and_razor_components_are_public(string name) =>
        ModuleRules.PublicSurfaceViolations(Assembly.Load(name)).ShouldBeEmpty();

    [Fact]
    public void The_public_surface_rule_catches_a_public_service()
    {
        var violations = ModuleRules.PublicSurfaceViolations(typeof(ArchitectureRulesTests).Assembly);

        violations.ShouldContain(typeof(LeakyService).FullName);
        violations.ShouldNotContain(typeof(BadModule).FullName);
    }

    [Fact]
    public void Contracts_reference_nothing_of_ours() =>
        typeof(Contracts.Upwork.IUpworkJobs).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .Where(n => n is "Shared" or "UpworkAssistant.App" || n!.StartsWith("Modules.", StringComparison.Ordinal) || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .ShouldBeEmpty();

    [Fact]
    public void Shared_knows_no_module() =>
        typeof(AppDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Modules.", StringComparison.Ordinal) || n == "UpworkAssistant.App")
            .ShouldBeEmpty();

    [Fact]
    public void Every_entity_maps_to_its_modules_schema()
    {
        using var db = PostgresModel(AppModules.Assemblies);

        ModuleRules.SchemaViolations(db).ShouldBeEmpty();
        db.Model.GetEntityTypes().Select(e => e.GetSchema()).Distinct().OrderBy(s => s)
            .ShouldBe(["ai", "analytics", "identity", "upwork"]);
    }

    [Fact]
    public void The_schema_rule_catches_an_entity_in_another_modules_schema()
    {
        // MisplacedEntity lives in this assembly but its configuration puts it in the Upwork schema.
        using var db = PostgresModel([.. AppModules.Assemblies, typeof(MisplacedEntity).Assembly]);

        ModuleRules.SchemaViolations(db).ShouldHaveSingleItem().ShouldContain(nameof(MisplacedEntity));
    }

    [Fact]
    public void On_sqlite_every_table_carries_its_schema_as_a_prefix()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteAppDbContext(options.Options, new ModuleCatalog(AppModules.Assemblies));

        foreach (var entity in db.Model.GetEntityTypes())
        {
            entity.GetSchema().ShouldBeNull();
            var prefix = ModuleRules.ExpectedSchema(entity.ClrType.Assembly) + "_";
            entity.GetTableName()!.ShouldStartWith(prefix);
        }
    }

    private static AppDbContext PostgresModel(IReadOnlyList<Assembly> modules)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.ConfigurePostgres(options, "Host=localhost;Database=model_only");
        // A distinct model cache key per module list: EF caches models per context type otherwise.
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PerCatalogModelCacheKey>();
        return new AppDbContext(options.Options, new ModuleCatalog(modules));
    }

    [Theory, MemberData(nameof(Modules))]
    public void A_type_named_job_is_a_quartz_job(string name) =>
        ModuleRules.JobNameViolations(Assembly.Load(name)).ShouldBeEmpty();

    [Fact]
    public void The_job_name_rule_catches_a_job_that_is_not_a_quartz_job()
    {
        var violations = ModuleRules.JobNameViolations(typeof(ArchitectureRulesTests).Assembly);

        violations.ShouldContain(typeof(LetterJob).FullName);
        violations.ShouldNotContain(typeof(CleanUpJob).FullName);
    }

    [Theory, MemberData(nameof(Modules))]
    public void Slice_folders_are_named_verb_and_noun(string name) =>
        ModuleRules.SliceNameViolations(Assembly.Load(name)).ShouldBeEmpty();

    [Fact]
    public void The_slice_name_rule_catches_a_noun_folder() =>
        ModuleRules.SliceNameViolations(typeof(ArchitectureRulesTests).Assembly).ShouldBe(["Reports"]);

    [Theory, MemberData(nameof(Modules))]
    public void A_type_named_page_is_a_routable_component(string name) =>
        ModuleRules.PageNameViolations(Assembly.Load(name)).ShouldBeEmpty();

    [Fact]
    public void The_page_name_rule_catches_a_record_named_page()
    {
        var violations = ModuleRules.PageNameViolations(typeof(ArchitectureRulesTests).Assembly);

        violations.ShouldContain(typeof(ResultPage).FullName);
        violations.ShouldNotContain(typeof(RoutedPage).FullName);
    }

    [Theory, MemberData(nameof(Modules))]
    public void No_component_opens_the_database(string name) =>
        ModuleRules.ComponentsOpeningTheDatabase(Assembly.Load(name)).ShouldBeEmpty();

    [Fact]
    public void The_database_rule_catches_a_component_that_opens_a_context()
    {
        var violations = ModuleRules.ComponentsOpeningTheDatabase(typeof(ArchitectureRulesTests).Assembly);

        violations.ShouldContain(typeof(RoutedPage).FullName);
    }

    /// <summary>
    /// Slices that used another slice's internals when the rule arrived (issue 20). Each is a debt: move what they share
    /// into the module's core (or a panel) and delete the line. The test fails on any use not listed here, and on a
    /// listed one that is gone, so this list only shrinks.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownCrossSliceUses = new()
    {
        ["Modules.Ai"] =
        [
            "ListProviders → ManageSettings",
        ],
    };

    [Theory, MemberData(nameof(Modules))]
    public void No_slice_uses_another_slices_types_beyond_the_known_debts(string name)
    {
        var uses = ModuleRules.CrossSliceDependencies(Assembly.Load(name));
        var known = KnownCrossSliceUses.GetValueOrDefault(name, []);

        uses.Except(known).ShouldBeEmpty("a slice uses another slice's internals: move what they share into the module's core");
        known.Except(uses).ShouldBeEmpty("this use is gone: delete it from KnownCrossSliceUses");
    }

    [Fact]
    public void The_slice_rule_catches_a_slice_using_another()
    {
        var violations = ModuleRules.CrossSliceDependencies(typeof(ArchitectureRulesTests).Assembly);

        violations.ShouldBe(["WriteLetter → AnalyzeJob"]);
    }
}
