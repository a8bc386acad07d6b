using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shared.Data;
using TestSupport.Api;

namespace TestSupport;

/// <summary>
/// The real app, in process, on a fresh database: an empty SQLite file in a temp folder, or a new database on the
/// test PostgreSQL server (dropped afterwards). Scheduled jobs are off; everything else is as in production.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _kestrel;
    private readonly int _kestrelPort;
    private string? _databaseName;

    private readonly bool _ownsDataDirectory;

    /// <param name="dataDirectory">An existing data folder to reuse (kept on dispose), e.g. to restart "the same install"; null for a fresh temp folder.</param>
    public AppFactory(DatabaseKind database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool kestrel = false, int kestrelPort = 0,
        string? dataDirectory = null)
    {
        _kestrelPort = kestrelPort;
        Database = database;
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TestEnvironment.NewTempDirectory("ua-data");
        _settings = new(settings ?? new Dictionary<string, string?>());
        _services = services;
        _kestrel = kestrel;
    }

    /// <summary>
    /// The harness's <c>Auth:SetupToken</c>: the first account of every test app is registered with it (the check stays on;
    /// a test of the generated token passes <c>["Auth:SetupToken"] = null</c> in its settings).
    /// </summary>
    public const string SetupToken = "test-setup-token";

    public DatabaseKind Database { get; }

    public string DataDirectory { get; }

    /// <summary>The app's own PostgreSQL connection string (its throwaway database), when on PostgreSQL.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>The base address of the real Kestrel listener (kestrel mode only).</summary>
    public Uri ServerAddress { get; private set; } = null!;

    /// <summary>Creates the database (PostgreSQL) and starts the app, which migrates on start-up.</summary>
    public async Task StartAsync()
    {
        if (Database == DatabaseKind.Postgres)
        {
            _databaseName = "ua_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
            await admin.OpenAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin)) await create.ExecuteNonQueryAsync();
            PostgresConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Database = _databaseName }.ConnectionString;
        }
        if (_kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, _kestrelPort));
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            ServerAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
        else
        {
            _ = Server;   // builds the host: migrations run here
        }
    }

    /// <summary>Registers a new account through the API and returns a client that sends its access token.</summary>
    public async Task<SignedInClient> CreateSignedInClientAsync(string? email = null, string password = SignedInClient.DefaultPassword)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password, firstName = "Test", lastName = "User", setupToken = SetupToken });
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"Registration failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var data = await response.ReadDataAsync<SignedIn>();
        var signedIn = new SignedInClient(client, email, password, data.AccessToken, data.RefreshToken, data.User.Id);
        client.DefaultRequestHeaders.Authorization = new("Bearer", signedIn.AccessToken);
        return signedIn;
    }

    /// <summary>A context on the app's database, for arranging and checking data.</summary>
    public async Task<AppDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.ToString());
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Jobs:Enabled", "false");
        // Many tests sign up and sign in from one address; tests of the auth limit set their own.
        builder.UseSetting("Auth:RateLimitPerMinute", "100000");
        builder.UseSetting("Auth:RateLimitPerAccountPerMinute", "100000");
        builder.UseSetting("Auth:SetupToken", SetupToken);
        if (PostgresConnectionString is not null) builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (!_ownsDataDirectory) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
