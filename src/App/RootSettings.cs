namespace UpworkAssistant.App;

/// <summary>
/// appsettings.json lives at the repository root and is copied next to the binaries. Whatever the working
/// directory (dotnet run, a test host, the container), it is loaded as the lowest layer: content-root files,
/// environment variables and the command line still override it.
/// </summary>
internal static class RootSettings
{
    public static void Add(ConfigurationManager configuration, IHostEnvironment environment)
    {
        var directory = AppContext.BaseDirectory;
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var layers = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(directory, $"appsettings.{environment.EnvironmentName}.json"), optional: true, reloadOnChange: false)
            .Sources;
        for (var i = layers.Count - 1; i >= 0; i--) sources.Insert(0, layers[i]);
    }
}
