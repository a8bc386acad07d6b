using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace ArchitectureTests;

/// <summary>The rules, as functions returning violations, so each can be shown to catch a deliberate breach.</summary>
internal static class ModuleRules
{
    public static readonly string[] ModuleNames = ["Modules.Identity", "Modules.Upwork", "Modules.Ai", "Modules.Analytics"];

    /// <summary>Project references of <paramref name="assembly"/> other than Shared and Contracts (framework and packages are fine).</summary>
    public static IReadOnlyList<string> ForbiddenProjectReferences(Assembly assembly)
    {
        var ours = ModuleNames.Concat(["UpworkAssistant.App", "TestSupport"]);
        return assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => ours.Contains(n) && n != assembly.GetName().Name)
            .ToList();
    }

    /// <summary>Public types other than the <c>XModule</c> entry class and Razor components.</summary>
    public static IReadOnlyList<string> PublicSurfaceViolations(Assembly assembly)
    {
        var result = Types.InAssembly(assembly).That().ArePublic().And().AreNotNested()
            .And().DoNotInherit(typeof(ComponentBase)).And().DoNotHaveName("_Imports")   // Razor generates _Imports as public
            .Should().HaveNameEndingWith("Module").And().BeStatic()
            .GetResult();
        return result.FailingTypeNames?.ToList() ?? [];
    }

    /// <summary>Entities whose table is not in the schema of the module that declares them.</summary>
    public static IReadOnlyList<string> SchemaViolations(DbContext db)
    {
        var violations = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var expected = ExpectedSchema(entity.ClrType.Assembly);
            var actual = entity.GetSchema();
            if (expected is null || actual != expected)
                violations.Add($"{entity.ClrType.FullName} maps to schema '{actual ?? "(none)"}' but belongs to {entity.ClrType.Assembly.GetName().Name}");
        }
        return violations;
    }

    /// <summary>A module's schema is its name in lower case; Shared maps ASP.NET Core Identity's tables into <c>identity</c>.</summary>
    public static string? ExpectedSchema(Assembly assembly) => assembly.GetName().Name switch
    {
        "Shared" => "identity",
        "Microsoft.Extensions.Identity.Stores" => "identity",
        "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore" => "identity",
        { } name when name.StartsWith("Modules.", StringComparison.Ordinal) => name["Modules.".Length..].ToLowerInvariant(),
        _ => null,
    };
}
