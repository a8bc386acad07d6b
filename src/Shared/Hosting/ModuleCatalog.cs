using System.Reflection;

namespace Shared.Hosting;

/// <summary>
/// The single list of module assemblies. The host builds it once (AppModules.Assemblies) and it feeds
/// the router (pages in modules) and the DbContext (entity configurations in modules).
/// </summary>
public sealed class ModuleCatalog(IReadOnlyList<Assembly> assemblies)
{
    /// <summary>The module assemblies, in registration order.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;
}
