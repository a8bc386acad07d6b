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
        services.AddSingleton(Options.Create(redis));
        var signalR = services.AddSignalR();
        services.AddHybridCache(o => o.DefaultEntryOptions = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(5) });

        if (string.IsNullOrWhiteSpace(redis.Connection))
        {
            services.AddSingleton<ILiveUpdatesTransport, InProcessTransport>();
        }
        else
        {
            var configuration = ConfigurationOptions.Parse(redis.Connection);
            configuration.AbortOnConnectFail = false;   // start even if Redis is briefly down; readiness reports it
            configuration.ClientName = "upwork-assistant";
            var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(configuration));
            services.AddSingleton(_ => multiplexer.Value);
            services.AddSingleton<ILiveUpdatesTransport, RedisTransport>();
            services.AddStackExchangeRedisCache(o =>
            {
                o.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer.Value);
                o.InstanceName = redis.Prefix + ":cache:";
            });
            signalR.AddStackExchangeRedis(o =>
            {
                o.ConnectionFactory = _ => Task.FromResult(multiplexer.Value);
                o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.Prefix + ":signalr");
            });
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        services.AddSingleton(sp => new LiveUpdates(sp.GetRequiredService<ILiveUpdatesTransport>(), sp.GetRequiredService<ILogger<LiveUpdates>>()));
        services.AddSingleton<HubNotifier>();
        return builder;
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy($"Redis is unreachable: {ex.GetType().Name}");
            }
        }
    }
}
