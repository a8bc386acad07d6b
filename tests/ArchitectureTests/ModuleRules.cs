using System.Reflection;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// The verbs a slice folder may start with: a slice is a use case, named for what the user does (verb + noun, e.g.
    /// <c>ManageSavedSearches</c>, <c>ShowCompliance</c>); <c>Register</c>, <c>SignIn</c> and <c>SignOut</c> name the
    /// account implicitly. A new verb is added here on purpose, not by accident.
    /// </summary>
    public static readonly string[] SliceVerbs =
    [
        "Analyze", "Browse", "Claim", "Confirm", "Connect", "Diagnose", "Enforce", "Export", "Generate", "List", "Manage", "Match",
        "Partition", "Paste", "Purge", "Receive", "Redact", "Refresh", "Register", "Reset", "Review", "Run", "Save", "Set", "Share",
        "Show", "SignIn", "SignOut", "Sync", "Track", "Train", "Write",
    ];

    /// <summary>Slice folders (namespaces under <c>Features.</c>) whose name does not start with one of <see cref="SliceVerbs"/>.</summary>
    public static IReadOnlyList<string> SliceNameViolations(Assembly assembly)
    {
        var prefix = assembly.GetName().Name + ".Features.";
        return OwnTypes(assembly).Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..].Split('.')[0]).Distinct()
            .Where(slice => !SliceVerbs.Any(v => slice.StartsWith(v, StringComparison.Ordinal) && (slice.Length == v.Length || char.IsUpper(slice[v.Length]))))
            .Order().ToList();
    }

    /// <summary>Types named <c>…Job</c> that are not Quartz jobs: "job" in a type name promises background work.</summary>
    public static IReadOnlyList<string> JobNameViolations(Assembly assembly) =>
        OwnTypes(assembly).Where(t => t.Name.EndsWith("Job", StringComparison.Ordinal) && !typeof(Quartz.IJob).IsAssignableFrom(t))
            .Select(t => t.FullName!).ToList();

    /// <summary>Types named <c>…Page</c> that are not routable components (a component with <c>@page</c>).</summary>
    public static IReadOnlyList<string> PageNameViolations(Assembly assembly) =>
        OwnTypes(assembly).Where(t => t.Name.EndsWith("Page", StringComparison.Ordinal)
                && !(typeof(ComponentBase).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any()))
            .Select(t => t.FullName!).ToList();

    /// <summary>Components (pages, panels) that reach the database themselves instead of calling a slice's handler.</summary>
    public static IReadOnlyList<string> ComponentsOpeningTheDatabase(Assembly assembly)
    {
        var result = Types.InAssembly(assembly).That().Inherit(typeof(ComponentBase))
            .ShouldNot().HaveDependencyOnAny("Shared.Data.AppDbContext", "Microsoft.EntityFrameworkCore.IDbContextFactory`1", "Microsoft.EntityFrameworkCore.DbContext")
            .GetResult();
        return result.FailingTypeNames?.ToList() ?? [];
    }

    /// <summary>
    /// Slices (<c>Features/&lt;Slice&gt;</c>) that use another slice's internals: what two slices share belongs in the
    /// module's core (outside <c>Features/</c>) or in Contracts. A page may still compose another slice's panel (a
    /// Razor component), which is how pages are built. Each entry reads "slice → other slice".
    /// </summary>
    public static IReadOnlyList<string> CrossSliceDependencies(Assembly assembly)
    {
        var prefix = assembly.GetName().Name + ".Features.";
        string? SliceOf(Type t) => t.Namespace is { } n && n.StartsWith(prefix, StringComparison.Ordinal) ? n[prefix.Length..].Split('.')[0] : null;
        var internals = OwnTypes(assembly).Where(t => SliceOf(t) is not null && !typeof(ComponentBase).IsAssignableFrom(t))
            .GroupBy(t => SliceOf(t)!).ToDictionary(g => g.Key, g => g.Select(t => t.FullName!.Replace('+', '/')).ToArray());
        var violations = new List<string>();
        foreach (var slice in OwnTypes(assembly).Select(SliceOf).OfType<string>().Distinct().Order())
            foreach (var (other, types) in internals.Where(o => o.Key != slice).OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var result = Types.InAssembly(assembly).That().ResideInNamespaceMatching("^" + Regex.Escape(prefix + slice) + @"(\.|$)").ShouldNot().HaveDependencyOnAny(types).GetResult();
                if (!result.IsSuccessful) violations.Add($"{slice} → {other}");
            }
        return violations;
    }

    private static IEnumerable<Type> OwnTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !t.Name.Contains('<'));
}
