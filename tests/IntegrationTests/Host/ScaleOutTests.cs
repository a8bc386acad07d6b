using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Integrations.UpworkApi;
using Shared.Live;

namespace IntegrationTests.Host;

/// <summary>Two instances of the host sharing one Redis behave as one app.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private AppFactory _a = null!;
    private AppFactory _b = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Connection"] = TestEnvironment.Redis, ["Redis:Prefix"] = "ua-test-" + Guid.NewGuid().ToString("N")[..8],
            ["Upwork:DailyBudget"] = "4",
        };
        _a = new AppFactory(DatabaseKind.Sqlite, settings);
        _b = new AppFactory(DatabaseKind.Sqlite, settings);
        await _a.StartAsync();
        await _b.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_live_update_published_on_one_instance_reaches_a_subscriber_on_the_other()
    {
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var topic = "test.topic." + Guid.NewGuid().ToString("N");
        using var subscription = _b.Services.GetRequiredService<LiveUpdates>().Subscribe(topic, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        });
        // Redis pub/sub only delivers to subscriptions already registered with the server: publish until one lands.
        var publisher = _a.Services.GetRequiredService<LiveUpdates>();

        var delivered = await PublishUntilReceivedAsync(() => publisher.PublishAsync(topic, new { jobId = 42, title = "Blazor dev" }), received.Task);

        delivered.Topic.ShouldBe(topic);
        delivered.Read<JsonElement>().GetProperty("title").GetString().ShouldBe("Blazor dev");
    }

    [Fact]
    public async Task A_cache_stamp_bumped_on_one_instance_is_seen_at_once_on_the_other_and_a_lost_one_never_reuses_a_number()
    {
        var scope = "test-" + Guid.NewGuid().ToString("N");
        var onA = _a.Services.GetRequiredService<CacheStamps>();
        var onB = _b.Services.GetRequiredService<CacheStamps>();
        var before = await onB.GetAsync(scope);

        await onA.BumpAsync(scope);
        var after = await onB.GetAsync(scope);

        before.ShouldNotBeNull();
        after.ShouldBe(before + 1);                        // no wait: the very next read on B sees A's bump
        // Redis evicts or is flushed: the stamp starts again somewhere new, so entries cached under old stamps stay dead.
        var redis = _a.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        var prefix = _a.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RedisOptions>>().Value.Prefix;
        await redis.KeyDeleteAsync($"{prefix}:stamp:{scope}");
        var restarted = await onB.GetAsync(scope);
        restarted.ShouldNotBeNull();
        new[] { before, after }.ShouldNotContain(restarted);
    }

    [Fact]
    public async Task Without_redis_a_live_update_stays_in_its_own_instance()
    {
        await using var lonely = new AppFactory(DatabaseKind.Sqlite);
        await lonely.StartAsync();
        var topic = "test.local." + Guid.NewGuid().ToString("N");
        var seenOnB = 0;
        var seenLocally = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = _b.Services.GetRequiredService<LiveUpdates>().Subscribe(topic, () => { Interlocked.Increment(ref seenOnB); return Task.CompletedTask; });
        using var local = lonely.Services.GetRequiredService<LiveUpdates>().Subscribe(topic, () => { seenLocally.TrySetResult(); return Task.CompletedTask; });

        await lonely.Services.GetRequiredService<LiveUpdates>().PublishAsync(topic, "hello");

        await seenLocally.Task.WaitAsync(TimeSpan.FromSeconds(10));
        seenOnB.ShouldBe(0);
    }

    [Fact]
    public async Task A_hub_message_sent_on_one_instance_reaches_a_hub_client_of_the_other()
    {
        var user = await _b.CreateSignedInClientAsync();
        await using var connection = HubConnection(_b, user.AccessToken);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("new_job", job => received.TrySetResult(job.GetProperty("title").GetString()!));
        await connection.StartAsync();
        var notifier = _a.Services.GetRequiredService<HubNotifier>();

        var title = await PublishUntilReceivedAsync(() => notifier.BroadcastAsync("new_job", new { title = "Senior .NET engineer" }), received.Task);

        title.ShouldBe("Senior .NET engineer");
    }

    [Fact]
    public async Task A_user_message_reaches_only_that_users_hub_clients_on_any_instance()
    {
        var alice = await _b.CreateSignedInClientAsync();
        var bob = await _b.CreateSignedInClientAsync();
        await using var alicesHub = HubConnection(_b, alice.AccessToken);
        await using var bobsHub = HubConnection(_b, bob.AccessToken);
        var toAlice = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bobGotIt = false;
        alicesHub.On<JsonElement>("proposal_status", p => toAlice.TrySetResult(p.GetProperty("status").GetString()!));
        bobsHub.On<JsonElement>("proposal_status", _ => bobGotIt = true);
        var bobPinged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bobsHub.On<JsonElement>("ping", _ => bobPinged.TrySetResult());
        await alicesHub.StartAsync();
        await bobsHub.StartAsync();
        var notifier = _a.Services.GetRequiredService<HubNotifier>();

        var status = await PublishUntilReceivedAsync(() => notifier.SendToUserAsync(alice.UserId, "proposal_status", new { status = "viewed" }), toAlice.Task);
        await notifier.BroadcastAsync("ping", new { });   // a later message on the same path: once Bob has it, Alice's would have arrived too
        await bobPinged.Task.WaitAsync(Eventually.DefaultLimit);

        status.ShouldBe("viewed");
        bobGotIt.ShouldBeFalse();
    }

    [Fact]
    public async Task The_hub_refuses_a_client_without_a_token()
    {
        await using var anonymous = HubConnection(_b, accessToken: null);

        var failure = await Should.ThrowAsync<HttpRequestException>(() => anonymous.StartAsync());

        failure.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static HubConnection HubConnection(AppFactory app, string? accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, NotificationsHub.Route.TrimStart('/')), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            if (accessToken is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
        })
        .Build();

    [Fact]
    public async Task A_value_cached_on_one_instance_is_served_to_the_other_from_redis()
    {
        var key = "test:job:" + Guid.NewGuid().ToString("N");
        var cacheA = _a.Services.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>();
        var cacheB = _b.Services.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>();

        await cacheA.SetAsync(key, "computed on A");
        var onB = await cacheB.GetOrCreateAsync(key, _ => ValueTask.FromResult("computed on B"));

        onB.ShouldBe("computed on A");
    }

    [Fact]
    public async Task The_upwork_budget_is_shared_by_every_instance()
    {
        // Upwork counts requests per deployment (per IP), so two instances must draw on one budget, not one each.
        var onA = _a.Services.GetRequiredService<IUpworkRateGate>();
        var onB = _b.Services.GetRequiredService<IUpworkRateGate>();

        foreach (var gate in new[] { onA, onB, onA, onB }) await gate.AcquireAsync("scale-out-test", CancellationToken.None);

        await Should.ThrowAsync<UpworkBudgetExhaustedException>(() => onB.AcquireAsync("scale-out-test", CancellationToken.None));
        await Should.ThrowAsync<UpworkBudgetExhaustedException>(() => onA.AcquireAsync("scale-out-test", CancellationToken.None));
    }

    /// <summary>Publishes again until the other instance has subscribed and the message arrives there.</summary>
    private static async Task<T> PublishUntilReceivedAsync<T>(Func<Task> publish, Task<T> received)
    {
        await Eventually.HoldsAsync(async () =>
        {
            if (!received.IsCompleted) await publish();   // each look that finds nothing yet publishes once more
            return received.IsCompleted;
        }, "the message published on one instance to reach the other");
        return await received;
    }
}
