using System.Diagnostics;
using System.Net.Sockets;

namespace IntegrationTests.Host;

/// <summary>
/// Starts the app the way README's first command does (<c>dotnet run --project src/App</c>), on an empty data
/// folder, with no PostgreSQL and no Redis, and checks that a new user gets a working dashboard.
/// </summary>
public sealed class ReadmeStartupTests
{
    [Fact]
    public async Task Dotnet_run_on_an_empty_data_folder_serves_ready_and_the_dashboard()
    {
        var dataDirectory = TestEnvironment.NewTempDirectory("ua-readme");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--project", "src/App", "--", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        start.Environment["Database__DataDirectory"] = dataDirectory;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // Nothing of the suite's own services may leak in: the embedded default must stand alone.
        start.Environment.Remove("ConnectionStrings__Postgres");
        start.Environment.Remove("Redis__Connection");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var started = await StartedAsync(http, process);
            started.ShouldBe("ready", string.Join('\n', output.TakeLast(40)));

            // A brand-new install greets the first visitor with sign-in, inviting them to create the admin account.
            var home = await http.GetAsync("/");
            home.StatusCode.ShouldBe(HttpStatusCode.OK);
            home.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/login");
            (await home.Content.ReadAsStringAsync()).ShouldContain("the first account becomes the workspace admin");
            (await http.GetAsync("/_content/MudBlazor/MudBlazor.min.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
            File.Exists(Path.Combine(dataDirectory, "upwork-assistant.db")).ShouldBeTrue("the SQLite file is created on first run");

            // README's quick start: the console prints the one-time setup token (also in the data folder, owner-only),
            // and the first account is created with it.
            var tokenFile = Path.Combine(dataDirectory, "setup-token");
            File.Exists(tokenFile).ShouldBeTrue("the setup token is written on first start");
            if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(tokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var setupToken = (await File.ReadAllTextAsync(tokenFile)).Trim();
            await Eventually.HoldsAsync(() => output.Any(l => l.Contains("setup token", StringComparison.Ordinal) && l.Contains(setupToken, StringComparison.Ordinal)), "the setup token on the console");
            output.ShouldContain(l => l.Contains("setup token", StringComparison.Ordinal) && l.Contains(setupToken, StringComparison.Ordinal));
            var register = await http.PostAsJsonAsync("/api/v1/auth/register", new { email = "admin@example.com", password = SignedInClient.DefaultPassword, setupToken });
            register.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>"ready" once <c>/health/ready</c> answers 200, "exited" if the process ends first, "not ready" after 4 min.</summary>
    private static async Task<string> StartedAsync(HttpClient http, Process process)
    {
        try
        {
            return await Eventually.GetAsync(async () => process.HasExited ? "exited" : await IsReadyAsync(http) ? "ready" : null,
                "the app to answer /health/ready", TimeSpan.FromMinutes(4));
        }
        catch (TimeoutException)
        {
            return "not ready";
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;   // not listening yet
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
