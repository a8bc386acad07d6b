namespace Shared.Data;

/// <summary>Resolves the local data folder (SQLite file, development keys) and creates it on first use.</summary>
public sealed class DataDirectory(string path)
{
    /// <summary>The absolute path of the folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Resolves <see cref="DatabaseOptions.DataDirectory"/> against the content root and creates it.</summary>
    public static DataDirectory Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataDirectory)}"] ?? "data";
        var full = System.IO.Path.IsPathRooted(configured) ? configured : System.IO.Path.Combine(environment.ContentRootPath, configured);
        Directory.CreateDirectory(full);
        return new DataDirectory(full);
    }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);
}
