using FakeUpwork.Control;
using FakeUpwork.GraphQl;
using FakeUpwork.Http;
using FakeUpwork.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeUpwork;

/// <summary>
/// A local fake of Upwork's public API: OAuth 2.0 (authorize and token endpoints) and GraphQL, with controllable time,
/// fault injection, rate limits and statistics. See docs/upwork-api.md §7.
/// </summary>
public sealed class FakeUpworkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerContext _context;

    private FakeUpworkServer(WebApplication app, ServerContext context)
    {
        _app = app;
        _context = context;
    }

    /// <summary>"http://127.0.0.1:&lt;port&gt;" (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The browser authorize URL.</summary>
    public string AuthorizeUrl => BaseUrl + ServerContext.AuthorizePath;

    /// <summary>The token endpoint.</summary>
    public string TokenUrl => BaseUrl + ServerContext.TokenPath;

    /// <summary>The GraphQL endpoint.</summary>
    public string GraphQlUrl => BaseUrl + ServerContext.GraphQlPath;

    /// <summary>The controllable clock (token and code expiry, publish times, daysPosted).</summary>
    public FakeClock Clock => _context.Clock;

    /// <summary>The store.</summary>
    public FakeUpworkState State => _context.State;

    /// <summary>Fault injection.</summary>
    public FakeFaults Faults => _context.Faults;

    /// <summary>What the fake saw.</summary>
    public FakeStats Stats => _context.Stats;

    /// <summary>The live rate limits (the instance from the options; changes apply at once).</summary>
    public FakeRateLimits RateLimits => _context.Options.RateLimits;

    /// <summary>The hand-written SDL the fake serves.</summary>
    public static string SchemaSdl => SchemaFactory.Sdl;

    /// <summary>The built-in SDL with one field of one type (or input) renamed, e.g. to prove a client notices.</summary>
    /// <param name="typeName">The type or input type.</param>
    /// <param name="field">The field's current name.</param>
    /// <param name="newName">Its new name.</param>
    /// <returns>The edited SDL.</returns>
    public static string SchemaWithRenamedField(string typeName, string field, string newName) =>
        SchemaFactory.RenameField(SchemaFactory.Sdl, typeName, field, newName);

    /// <summary>Serves <paramref name="sdl"/> from the next request on; null restores the built-in schema.</summary>
    /// <param name="sdl">The SDL, or null.</param>
    public void UseSchema(string? sdl) => _context.Schema = sdl is null ? SchemaFactory.Schema : SchemaFactory.Create(sdl);

    /// <summary>Starts a fake on 127.0.0.1 with a free port.</summary>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeUpworkServer> StartAsync(FakeUpworkOptions? options = null, CancellationToken ct = default)
    {
        var server = Build(options ?? new FakeUpworkOptions(), [], standalone: false);
        await server.StartCoreAsync(ct);
        return server;
    }

    /// <summary>
    /// Runs the fake until shut down (Ctrl+C): honours <c>--urls</c> (default http://127.0.0.1:5099), seeds demo data and
    /// logs the client id and secret.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>A task that completes on shutdown.</returns>
    public static async Task RunStandaloneAsync(string[] args)
    {
        var options = new FakeUpworkOptions { SeedJobs = 40, SeedProposals = 8 };
        var server = Build(options, args, standalone: true);
        await using (server)
        {
            await server.StartCoreAsync(CancellationToken.None);
            // --redirect-uri http://localhost:5000/upwork/callback registers the demo app's callback on the default client.
            var redirect = server._app.Configuration["redirect-uri"];
            if (!string.IsNullOrWhiteSpace(redirect)) server.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.RedirectUri = redirect);
            var client = server.State.Clients[0];
            var logger = server._app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FakeUpwork");
            logger.LogWarning(
                "Fake Upwork API at {BaseUrl}\n  authorize: {Authorize}\n  token:     {Token}\n  graphql:   {GraphQl}\n  client_id: {ClientId}\n  client_secret: {Secret}\n  redirect_uri: {Redirect}\n  approving user: {User}\n  controls: {BaseUrl}/__fake/state, /__fake/stats",
                server.BaseUrl, server.AuthorizeUrl, server.TokenUrl, server.GraphQlUrl, client.ClientId, client.ClientSecret,
                client.RedirectUri, server.State.ApprovingUserId, server.BaseUrl);
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

    private static FakeUpworkServer Build(FakeUpworkOptions options, string[] args, bool standalone)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FakeUpworkServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (standalone)
        {
            if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            {
                builder.WebHost.UseUrls("http://127.0.0.1:5099");
            }
        }
        else
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        var app = builder.Build();
        var clock = new FakeClock(options.StartTime ?? DateTimeOffset.UtcNow);
        var context = new ServerContext(options, clock, new FakeUpworkState(clock, options), new FakeFaults(), new FakeStats());

        app.Use((http, next) => ObserveAsync(http, next, context));
        app.MapGet(ServerContext.AuthorizePath, http => AuthorizeEndpoint.HandleAsync(http, context));
        app.MapPost(ServerContext.TokenPath, http => TokenEndpoint.HandleAsync(http, context));
        app.MapPost(ServerContext.GraphQlPath, http => GraphQlEndpoint.HandleAsync(http, context));
        ControlEndpoints.Map(app, context);
        return new FakeUpworkServer(app, context);
    }

    /// <summary>Rate limiting and statistics for the API endpoints.</summary>
    private static async Task ObserveAsync(HttpContext http, RequestDelegate next, ServerContext context)
    {
        var path = http.Request.Path.Value ?? "";
        var graphQl = path == ServerContext.GraphQlPath;
        var token = path == ServerContext.TokenPath;
        if (!graphQl && !token && path != ServerContext.AuthorizePath)
        {
            await next(http);
            return;
        }

        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var arrival = DateTimeOffset.UtcNow;
        var fakeArrival = context.Clock.Now;
        try
        {
            if (graphQl || token)
            {
                context.Stats.CountArrival(ip, graphQl);
                var (allowed, retryAfter, daily) = context.Limiter.TryAcquire(ip);
                if (!allowed)
                {
                    context.Stats.CountRateLimited();
                    await JsonOut.TooManyRequestsAsync(
                        http,
                        context.Options.RateLimits.SendRetryAfter ? retryAfter : null,
                        daily ? $"Too Many Requests: daily limit of {context.Options.RateLimits.PerDay} requests exceeded" : "Too Many Requests");
                    return;
                }
            }

            await next(http);
        }
        finally
        {
            context.Stats.Record(new FakeRequestRecord(
                arrival,
                fakeArrival,
                http.Request.Method,
                path,
                ip,
                http.Items[ServerContext.RootFieldsKey] as IReadOnlyList<string> ?? [],
                http.Items[ServerContext.OperationNameKey] as string,
                http.Items[ServerContext.VariablesKey] as string,
                http.Response.StatusCode,
                http.Items[ServerContext.UserIdKey] as string));
        }
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
