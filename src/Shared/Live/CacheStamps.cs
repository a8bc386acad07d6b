using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Shared.Live;

/// <summary>
/// A version number per cache scope, put into cache keys: bumping it makes every cached entry of the scope stale at once,
/// on every instance (an atomic <c>INCR</c> in Redis when configured, a counter in memory otherwise). Cheaper and more
/// certain than finding and removing each entry, and nothing stale is ever read after the bump returns.
/// </summary>
public sealed class CacheStamps(IServiceProvider services, IOptions<RedisOptions> options, ILogger<CacheStamps> log)
{
    private readonly ConcurrentDictionary<string, long> _local = new(StringComparer.Ordinal);

    // Redis only when configured, behind a type of our own: naming StackExchange.Redis's types in this class made the
    // runtime load the client with it, at start-up, on installs without Redis (docs/benchmarks.md, bench/assemblies.sh).
    private readonly RedisStamps? _redis = string.IsNullOrWhiteSpace(options.Value.Connection) ? null : RedisStamps.Create(services, options.Value.Prefix, log);

    /// <summary>The scope's current stamp, or null when Redis cannot be read: the caller should not cache then.</summary>
    public ValueTask<long?> GetAsync(string scope) =>
        _redis is null ? ValueTask.FromResult<long?>(_local.GetValueOrDefault(scope)) : _redis.GetAsync(scope);

    /// <summary>Makes every entry keyed with the scope's current stamp stale, here and on every other instance.</summary>
    public Task BumpAsync(string scope, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (_redis is not null) return _redis.BumpAsync(scope);
        _local.AddOrUpdate(scope, 1, (_, v) => v + 1);
        return Task.CompletedTask;
    }

    /// <summary>The stamps in Redis, shared by every instance.</summary>
    private sealed class RedisStamps(Lazy<IConnectionMultiplexer> redis, string prefix, ILogger log)
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static RedisStamps Create(IServiceProvider services, string prefix, ILogger log) =>
            new(services.GetRequiredService<Lazy<IConnectionMultiplexer>>(), prefix, log);

        private RedisKey Key(string scope) => $"{prefix}:stamp:{scope}";

        public async ValueTask<long?> GetAsync(string scope)
        {
            try
            {
                var db = redis.Value.GetDatabase();
                var value = await db.StringGetAsync(Key(scope));
                if (!value.IsNull) return (long)value;
                // A missing stamp (first use, or evicted or flushed) starts at a random number, never back at one already used,
                // so entries cached under an earlier stamp cannot come back to life.
                await db.StringSetAsync(Key(scope), Random.Shared.NextInt64(1, long.MaxValue / 2), when: When.NotExists);
                return (long)await db.StringGetAsync(Key(scope));
            }
            catch (RedisException ex)
            {
                log.LogWarning(ex, "Cache stamp {Scope} unreadable; serving uncached", scope);
                return null;
            }
        }

        public async Task BumpAsync(string scope)
        {
            try
            {
                var db = redis.Value.GetDatabase();
                await db.StringSetAsync(Key(scope), Random.Shared.NextInt64(1, long.MaxValue / 2), when: When.NotExists);   // see GetAsync
                await db.StringIncrementAsync(Key(scope));
            }
            catch (RedisException ex)
            {
                // The change itself is stored; entries of the scope live out their (short) expiration instead.
                log.LogWarning(ex, "Cache stamp {Scope} could not be bumped; its entries expire on their own", scope);
            }
        }
    }
}
