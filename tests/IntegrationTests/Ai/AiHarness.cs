using FakeAi;

namespace IntegrationTests.Ai;

/// <summary>
/// The fake OpenAI and Anthropic servers and the real app pointed at them (every AI URL is configuration). Short
/// timeouts and retry waits keep fault tests quick; each test resets the fake's script first.
/// </summary>
public class AiHarness : IAsyncLifetime
{
    protected virtual DatabaseKind Database => DatabaseKind.Sqlite;

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>True to serve on a real port (clients that need real HTTP, such as the MCP client).</summary>
    protected virtual bool Kestrel => false;

    public FakeAiServer Fake { get; private set; } = null!;
    public AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeAiServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Ai:ProviderOrder"] = "openai,anthropic,openai_compatible,offline",
            ["Ai:OpenAI:BaseUrl"] = Fake.OpenAIEndpoint,
            ["Ai:OpenAI:ApiKey"] = FakeAiOptions.DefaultOpenAIKey,
            ["Ai:OpenAI:Model"] = "gpt-4o",
            ["Ai:OpenAI:FallbackModel"] = "gpt-4o-mini",
            ["Ai:Anthropic:BaseUrl"] = Fake.AnthropicBaseUrl,
            ["Ai:Anthropic:ApiKey"] = FakeAiOptions.DefaultAnthropicKey,
            ["Ai:Anthropic:Model"] = "claude-sonnet-4-5",
            ["Ai:OpenAICompatible:BaseUrl"] = "",
            ["Ai:Attempts"] = "2",
            ["Ai:MaxRetryWait"] = "00:00:01",
            ["Ai:FirstTokenTimeout"] = "00:00:03",
            ["Ai:IdleTimeout"] = "00:00:03",
            ["Upwork:Demo:Enabled"] = "false",
        };
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        App = new AppFactory(Database, settings, kestrel: Kestrel);
        try
        {
            await App.StartAsync();
            await StartedAsync();
        }
        catch
        {
            await App.DisposeAsync();
            await Fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs once the app is up, before any test (e.g. to register the workspace's first account, its admin).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Fake is not null) await Fake.DisposeAsync();
    }

    /// <summary>A signed-in user with a profile and a pasted job, and a clean fake.</summary>
    public async Task<(SignedInClient User, Guid JobId, Guid ProfileId)> ReadyAsync(string? description = null)
    {
        Fake.Script.Reset();
        Fake.Received.Reset();
        Fake.Options.OpenAIKey = FakeAiOptions.DefaultOpenAIKey;
        Fake.Options.RequireOpenAIKey = true;
        var user = await App.CreateSignedInClientAsync();
        var jobId = await AiTestData.PasteJobAsync(user, description);
        var profileId = await AiTestData.CreateProfileAsync(user);
        return (user, jobId, profileId);
    }
}
