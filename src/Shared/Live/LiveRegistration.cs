using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Shared.Live;

/// <summary>Registers live updates, the hub, the cache and (when configured) Redis behind all three.</summary>
public static class LiveRegistration
{
    /// <summary>Adds LiveUpdates, SignalR (+ Redis backplane), HybridCache (+ Redis L2) and the Redis health check.</summary>
    public static IHostApplicationBuilder AddLiveAndCache(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var redis = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        var signalR = services.AddSignalR();
        services.AddHybridCache(o => o.DefaultEntryOptions = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(5) });
        // The in-memory level is bounded: HybridCache gives every entry its size (the serialized bytes), so however
        // many distinct keys callers make, memory stays under the limit (an entry that does not fit is not kept).
        var localSizeLimit = builder.Configuration.GetValue<long?>("Cache:LocalSizeLimitBytes") ?? 64L * 1024 * 1024;
        services.Configure<Microsoft.Extensions.Caching.Memory.MemoryCacheOptions>(o =>
        {
            o.SizeLimit = localSizeLimit;
            o.TrackStatistics = true;
        });
        MeasureCache(services);

        // Redis's types are named only in AddRedis: an install without Redis never loads the client (bench/assemblies.sh).
        if (string.IsNullOrWhiteSpace(redis.Connection)) services.AddSingleton<ILiveUpdatesTransport, InProcessTransport>();
        else AddRedis(services, signalR, redis, redis.Connection);

        services.AddSingleton(sp => new LiveUpdates(sp.GetRequiredService<ILiveUpdatesTransport>(), sp.GetRequiredService<ILogger<LiveUpdates>>()));
        services.AddSingleton<HubNotifier>();
        services.AddSingleton<CacheStamps>();
        return builder;
    }

    /// <summary>Redis behind live updates, the hub (backplane), the cache (L2) and readiness.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddRedis(IServiceCollection services, ISignalRServerBuilder signalR, RedisOptions redis, string connection)
    {
        var configuration = ConfigurationOptions.Parse(connection);
        configuration.AbortOnConnectFail = false;   // start even if Redis is briefly down; readiness reports it
        // While Redis is gone a command fails at once instead of waiting 5 s in the client's backlog for a connection:
        // every caller already degrades on failure (in-process cache, no cross-instance push), so a request answers
        // at its usual speed through an outage (tests/scale-out/run.sh, check 5). The client reconnects on its own.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName = "upwork-assistant";
        var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(configuration));
        services.AddSingleton(multiplexer);
        services.AddSingleton(_ => multiplexer.Value);
        services.AddSingleton<RedisTransport>();
        services.AddSingleton<ILiveUpdatesTransport>(sp => sp.GetRequiredService<RedisTransport>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisTransport>());
        services.AddStackExchangeRedisCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer.Value);
            o.InstanceName = redis.Prefix + ":cache:";
        });
        // SignalR owns a connection of its own: it unsubscribes while the host shuts down, after ours is disposed.
        // It is made here (as SignalR would make it) so that readiness can report it: after an outage the two
        // connections come back independently, and hub clients are served across instances only once both have.
        var backplane = new BackplaneConnection();
        services.AddSingleton(backplane);
        signalR.AddStackExchangeRedis(connection, o =>
        {
            o.Configuration.AbortOnConnectFail = false;
            o.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.Prefix + ":signalr");
            var options = o.Configuration;
            o.ConnectionFactory = async log => backplane.Connection = await ConnectionMultiplexer.ConnectAsync(options, log);
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
    }

    /// <summary>Puts <see cref="MeasuredHybridCache"/> in front of the registered HybridCache (hit and miss counters).</summary>
    private static void MeasureCache(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(HybridCache) && !d.IsKeyedService);
        if (registered?.ImplementationType is not { } type) return;
        services.Remove(registered);
        services.AddSingleton(type);
        services.AddSingleton<HybridCache>(sp => new MeasuredHybridCache((HybridCache)sp.GetRequiredService(type)));
    }

    /// <summary>SignalR's Redis connection, once SignalR has opened it (on the first hub connection or send).</summary>
    private sealed class BackplaneConnection
    {
        public IConnectionMultiplexer? Connection { get; set; }
    }

    private sealed class RedisHealthCheck(Lazy<IConnectionMultiplexer> redis, BackplaneConnection backplane) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.Value.GetDatabase().PingAsync();
                if (backplane.Connection is { IsConnected: false })
                    return HealthCheckResult.Unhealthy("Redis answers, but the hub's connection to it is still reconnecting");
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy($"Redis is unreachable: {ex.GetType().Name}");
            }
        }
    }
}
