namespace Shared.Data;

/// <summary>Settings under <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c> (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file and other local state; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up. Unset: on in Development and for SQLite, off otherwise.</summary>
    public bool? MigrateOnStartup { get; set; }
}

/// <summary>Which database engine holds the data.</summary>
public enum DatabaseProvider
{
    /// <summary>An SQLite file under the data folder: nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL 15 or newer, from <c>ConnectionStrings:Postgres</c>.</summary>
    Postgres,
}
