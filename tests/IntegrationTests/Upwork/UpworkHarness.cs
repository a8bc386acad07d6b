using System.Collections.Concurrent;
using Contracts.Upwork.Events;
using FakeUpwork;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Searches;
using Shared.Events;
using Shared.Live;

namespace IntegrationTests.Upwork;

/// <summary>
/// The fake Upwork server and the real app pointed at it (every Upwork URL is configuration), with a recorder of
/// <c>JobPostingDiscovered</c> so tests can count announcements. Scheduled jobs are off: tests run the slices.
/// </summary>
public class UpworkHarness : IAsyncLifetime
{
    public const string RedirectUri = "http://localhost/upwork/callback";

    protected virtual DatabaseKind Database => DatabaseKind.Postgres;

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public FakeUpworkServer Fake { get; private set; } = null!;
    public AppFactory App { get; private set; } = null!;
    public DiscoveryLog Discovered { get; } = new();

    public async Task InitializeAsync()
    {
        Fake = await FakeUpworkServer.StartAsync(new FakeUpworkOptions { SeedJobs = 0 });
        Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.RedirectUri = RedirectUri);
        var settings = FakeSettings();
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        App = await CreateAppAsync(settings);
    }

    /// <summary>The settings that point an app at the fake.</summary>
    public Dictionary<string, string?> FakeSettings() => TestSupport.FakeSettings.Upwork(Fake, RedirectUri).With(
        ("Upwork:RetryBaseDelay", "00:00:00.050"), ("Upwork:RequestTimeout", "00:00:02"), ("Upwork:PageSize", "10"), ("Upwork:MaxPagesPerRun", "5"));

    /// <summary>Starts another instance of the app (caller disposes it), recording discoveries in the same log.</summary>
    public async Task<AppFactory> CreateAppAsync(IDictionary<string, string?> settings, DatabaseKind? database = null)
    {
        var app = new AppFactory(database ?? Database, settings, services =>
        {
            services.AddSingleton(Discovered);
            services.AddEventHandler<JobPostingDiscovered, DiscoveryRecorder>();
            AddServices(services);
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>Test services for every app instance this harness starts (e.g. a shared clock).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Fake is not null) await Fake.DisposeAsync();
    }

    /// <summary>Runs the OAuth flow the way a browser does (app → Upwork consent → callback) and returns the cookie-keeping client.</summary>
    public async Task<HttpClient> ConnectAsync(SignedInClient user, AppFactory? app = null)
    {
        var browser = (app ?? App).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
        var start = await browser.GetAsync("/upwork/connect");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().ShouldStartWith(Fake.AuthorizeUrl);

        using var upwork = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await upwork.GetAsync(start.Headers.Location);
        consent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        consent.Headers.Location!.ToString().ShouldStartWith(RedirectUri + "?code=");

        var done = await browser.GetAsync(consent.Headers.Location.PathAndQuery);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldBe("/upwork/connection?connected=1");
        return browser;
    }

    /// <summary>A new user with Upwork connected and one saved search for <paramref name="keyword"/>.</summary>
    public async Task<SignedInClient> ConnectedUserWithSearchAsync(string keyword, AppFactory? app = null)
    {
        var user = await (app ?? App).CreateSignedInClientAsync();
        await ConnectAsync(user, app);
        var created = await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = $"Watch {keyword}", query = keyword });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return user;
    }

    /// <summary>Syncs each of the user's saved searches once, now (the scheduler would wait for the poll interval).</summary>
    internal async Task<IReadOnlyList<SearchSyncOutcome>> SyncAsync(Guid userId, CancellationToken ct = default, AppFactory? app = null)
    {
        app ??= App;
        await using var db = await app.CreateDbContextAsync();
        var searches = await db.Set<SavedSearch>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);
        using var scope = app.Services.CreateScope();
        var sync = scope.ServiceProvider.GetRequiredService<SyncJobPostings>();
        var outcomes = new List<SearchSyncOutcome>();
        foreach (var s in searches) outcomes.Add(await sync.SyncSearchAsync(UpworkSearchFilter.StateKey(s.FilterKey, userId), UpworkSearchFilter.From(s), [userId], ct));
        return outcomes;
    }

    /// <summary>A hub client of <paramref name="user"/> on the test server (long polling: TestServer has no WebSockets).</summary>
    public HubConnection Hub(SignedInClient user) => new HubConnectionBuilder()
        .WithUrl(new Uri(App.Server.BaseAddress, NotificationsHub.Route.TrimStart('/')), o =>
        {
            o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
        })
        .Build();

    /// <summary>Puts a job on the fake, published now, whose title contains <paramref name="keyword"/>.</summary>
    public FakeJob Inject(string keyword, Action<FakeJob>? tweak = null) =>
        Fake.State.GenerateJob(j =>
        {
            j.Title = $"{keyword} specialist needed for a {Guid.NewGuid().ToString("N")[..6]} project";
            tweak?.Invoke(j);
        });

    internal async Task<List<JobPosting>> StoredJobsAsync(IEnumerable<string> upworkIds)
    {
        var ids = upworkIds.ToList();
        await using var db = await App.CreateDbContextAsync();
        return await db.Set<JobPosting>().AsNoTracking().Where(j => ids.Contains(j.UpworkJobId)).ToListAsync();
    }
}

/// <summary>A fresh harness (app, database, fake) for each test, on the given database: alerts and counts start from zero.</summary>
public abstract class FreshUpworkHarnessTests(DatabaseKind database) : IAsyncLifetime
{
    protected UpworkHarness Harness { get; } = new OnDatabase(database);

    public Task InitializeAsync() => ((IAsyncLifetime)Harness).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Harness).DisposeAsync();

    private sealed class OnDatabase(DatabaseKind database) : UpworkHarness
    {
        protected override DatabaseKind Database => database;
    }
}

/// <summary>Every discovery announcement, in order.</summary>
public sealed class DiscoveryLog
{
    public ConcurrentQueue<JobPostingDiscovered> Events { get; } = new();

    public int CountFor(Guid jobPostingId) => Events.Count(e => e.JobPostingId == jobPostingId);
}

internal sealed class DiscoveryRecorder(DiscoveryLog log) : IEventHandler<JobPostingDiscovered>
{
    public Task HandleAsync(JobPostingDiscovered e, CancellationToken ct)
    {
        log.Events.Enqueue(e);
        return Task.CompletedTask;
    }
}
