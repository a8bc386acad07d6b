using System.Security.Cryptography;
using System.Text;

namespace Modules.Identity.Features.Register;

/// <summary>
/// The one-time setup token the very first account (the workspace admin) must present, so whoever reaches a fresh
/// install first over the network cannot make themselves its admin. It is <c>Auth:SetupToken</c> when set (tests, and
/// several instances, which must agree), else generated once into the data folder's <c>setup-token</c> file (mode 600,
/// kept across restarts until the admin exists). While no account exists, start-up prints it to the log.
/// </summary>
internal sealed class FirstAdminSetup(IConfiguration configuration, DataDirectory data)
{
    public const string FileName = "setup-token";

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";   // no 0/O, 1/I: it is read off a console

    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>Serialises creating the first account in this process (<see cref="Register"/>).</summary>
    public SemaphoreSlim FirstAccount { get; } = new(1, 1);

    /// <summary>Where a generated token is kept.</summary>
    public string FilePath => data.File(FileName);

    /// <summary>Whether the token comes from configuration (then nothing is written or deleted).</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(configuration["Auth:SetupToken"]);

    /// <summary>The token, generating and storing it on first use.</summary>
    public string Token
    {
        get
        {
            lock (_gate)
            {
                if (_token is not null) return _token;
                if (Configured) return _token = configuration["Auth:SetupToken"]!.Trim();
                if (File.Exists(FilePath) && File.ReadAllText(FilePath).Trim() is { Length: > 0 } stored) return _token = stored;
                var raw = RandomNumberGenerator.GetString(Alphabet, 20);
                var token = string.Join('-', raw.Chunk(5).Select(c => new string(c)));
                File.WriteAllText(FilePath, token + "\n");
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return _token = token;
            }
        }
    }

    /// <summary>Whether <paramref name="presented"/> is the token (case, spaces and dashes ignored; constant time).</summary>
    public bool Matches(string? presented)
    {
        if (string.IsNullOrWhiteSpace(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(Digest(presented), Digest(Token));
    }

    /// <summary>After the first account exists: the generated file has done its job.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            if (Configured) return;
            try { File.Delete(FilePath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            _token = null;
        }
    }

    private static byte[] Digest(string token) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(new string([.. token.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant()));
}

/// <summary>At start: while no account exists, prints the setup token (and where its file is) to the log.</summary>
internal sealed class PrintSetupTokenOnFirstStart(FirstAdminSetup setup, IDbContextFactory<AppDbContext> contexts, ILogger<PrintSetupTokenOnFirstStart> log,
    Shared.Hosting.PublicOrigin origin) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bool anyUser;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            anyUser = await db.Users.AnyAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not migrated yet (production runs `migrate` separately): the token is printed at the next start.
            log.LogWarning("Could not tell whether an account exists yet ({Reason}); the setup token is not printed", e.Message);
            return;
        }
        if (anyUser)
        {
            setup.Retire();
            return;
        }
        var where = setup.Configured ? "from Auth:SetupToken" : $"also in {setup.FilePath}";
        log.LogWarning("No account exists yet. Create the workspace admin at {RegisterUrl} with this one-time setup token: {SetupToken} ({Where})",
            origin.IsConfigured ? origin.Link("/account/register") : "/account/register", setup.Token, where);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
