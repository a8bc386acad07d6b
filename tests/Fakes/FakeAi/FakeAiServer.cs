using System.Globalization;
using FakeAi.AnthropicWire;
using FakeAi.Control;
using FakeAi.Http;
using FakeAi.OpenAiWire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FakeAi;

/// <summary>
/// A local fake of the OpenAI Chat Completions and Anthropic Messages APIs, faithful enough for the official SDKs,
/// with a scriptable reply, streaming pace, faults and a log of what was asked. See README.md.
/// </summary>
public sealed class FakeAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAiServer(WebApplication app, ServerContext context)
    {
        _app = app;
        Options = context.Options;
        Script = context.Script;
        Received = context.Log;
    }

    /// <summary>"http://127.0.0.1:&lt;port&gt;" (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>What <c>OpenAIClientOptions.Endpoint</c> needs: <see cref="BaseUrl"/> + "/v1".</summary>
    public string OpenAIEndpoint => BaseUrl + "/v1";

    /// <summary>What <c>AnthropicClient.BaseUrl</c> needs: <see cref="BaseUrl"/> (the SDK appends /v1/messages).</summary>
    public string AnthropicBaseUrl => BaseUrl;

    /// <summary>The live options (keys, unknown models, model lists).</summary>
    public FakeAiOptions Options { get; }

    /// <summary>How to answer.</summary>
    public FakeAiScript Script { get; }

    /// <summary>What was asked.</summary>
    public FakeAiLog Received { get; }

    /// <summary>Starts a fake on 127.0.0.1, on <see cref="FakeAiOptions.Port"/> or a free port.</summary>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeAiServer> StartAsync(FakeAiOptions? options = null, CancellationToken ct = default)
    {
        var server = Build(options ?? new FakeAiOptions(), [], standalone: false);
        await server.StartCoreAsync(ct);
        return server;
    }

    /// <summary>
    /// Runs the fake until shut down (Ctrl+C). Arguments: <c>--port</c> (default 5055), <c>--openai-key</c>,
    /// <c>--anthropic-key</c>, <c>--require-openai-key</c> (true|false), <c>--chunk-size</c>, <c>--chunk-delay-ms</c>,
    /// <c>--first-byte-delay-ms</c>.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>A task that completes on shutdown.</returns>
    public static async Task RunStandaloneAsync(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args).Build();
        var options = new FakeAiOptions
        {
            Port = config.GetValue("port", 5055),
            OpenAIKey = config["openai-key"] ?? FakeAiOptions.DefaultOpenAIKey,
            AnthropicKey = config["anthropic-key"] ?? FakeAiOptions.DefaultAnthropicKey,
            RequireOpenAIKey = config.GetValue("require-openai-key", true),
        };
        var server = Build(options, args, standalone: true);
        await using (server)
        {
            server.Script.ChunkSize = config.GetValue("chunk-size", FakeAiScript.DefaultChunkSize);
            server.Script.ChunkDelay = TimeSpan.FromMilliseconds(config.GetValue("chunk-delay-ms", 0));
            server.Script.FirstByteDelay = TimeSpan.FromMilliseconds(config.GetValue("first-byte-delay-ms", 0));
            await server.StartCoreAsync(CancellationToken.None);
            var logger = server._app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FakeAi");
            logger.LogWarning(
                "Fake AI at {BaseUrl}\n  OpenAI endpoint:    {OpenAI}  (key {OpenAIKey}{Optional})\n  Anthropic base URL: {Anthropic}  (key {AnthropicKey})\n  controls: {BaseUrl}/__fake/log, /__fake/script, /__fake/faults",
                server.BaseUrl, server.OpenAIEndpoint, options.OpenAIKey, options.RequireOpenAIKey ? "" : ", not required",
                server.AnthropicBaseUrl, options.AnthropicKey, server.BaseUrl);
            await server._app.WaitForShutdownAsync();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    private static FakeAiServer Build(FakeAiOptions options, string[] args, bool standalone)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FakeAiServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (!standalone)
        {
            builder.Logging.ClearProviders();
        }

        // Always loopback: the fake is for tests and demos on this machine.
        builder.WebHost.UseUrls("http://127.0.0.1:" + options.Port.ToString(CultureInfo.InvariantCulture));
        var app = builder.Build();
        var context = new ServerContext(options, new FakeAiScript(), new FakeAiLog());

        app.MapPost(ServerContext.ChatCompletionsPath, http => GenerationEndpoint.HandleAsync(http, context, ChatCompletionsWire.Instance));
        app.MapPost(ServerContext.MessagesPath, http => GenerationEndpoint.HandleAsync(http, context, MessagesWire.Instance));
        app.MapGet(ServerContext.ModelsPath, http => ModelsEndpoint.HandleAsync(http, context));
        ControlEndpoints.Map(app, context);
        return new FakeAiServer(app, context);
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        await _app.StartAsync(ct);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The fake did not report a listening address.");
        BaseUrl = address.TrimEnd('/');
    }
}
