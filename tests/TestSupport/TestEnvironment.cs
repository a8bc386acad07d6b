namespace TestSupport;

/// <summary>
/// What the README test command provides: a throwaway PostgreSQL server and Redis on loopback, named by
/// environment variables. Tests that need them fail with a clear message when run without the script.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "UA_TEST_POSTGRES";
    public const string RedisVariable = "UA_TEST_REDIS";

    /// <summary>Admin connection string of the test PostgreSQL server (database <c>postgres</c>).</summary>
    public static string PostgresAdmin => Require(PostgresVariable, "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres");

    /// <summary>Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</summary>
    public static string Redis => Require(RedisVariable, "127.0.0.1:6379");

    /// <summary>The repository root (the folder holding UpworkAssistant.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Where tests write screenshots and other artefacts.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("UA_TEST_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepositoryRoot, "TestResults", "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>A new empty folder under the system temp folder.</summary>
    /// <summary>A loopback TCP port that was free a moment ago (for a server whose address must be known before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewTempDirectory(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Require(string variable, string example) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the whole suite with ./scripts/test.sh, which starts PostgreSQL and Redis on loopback, " +
                $"or set {variable} yourself (e.g. \"{example}\").");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "UpworkAssistant.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Could not find UpworkAssistant.slnx above " + AppContext.BaseDirectory);
    }
}
