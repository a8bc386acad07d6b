using System.Reflection;

namespace UpworkAssistant.App;

/// <summary>The single list of module assemblies: it feeds the router (pages) and the DbContext (entity configurations).</summary>
internal static class AppModules
{
    public static readonly IReadOnlyList<Assembly> Assemblies =
    [
        typeof(Modules.Identity.IdentityModule).Assembly,
        typeof(Modules.Upwork.UpworkModule).Assembly,
        typeof(Modules.Ai.AiModule).Assembly,
        typeof(Modules.Analytics.AnalyticsModule).Assembly,
    ];
}
