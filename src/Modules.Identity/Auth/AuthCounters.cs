using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Modules.Identity.Auth;

/// <summary>
/// Counters that expire, for the auth limits no single request can carry: codes tried against one two-factor
/// challenge, reset mails sent to one account. With Redis configured a count is one atomic INCR shared by every
/// instance (parallel posts to several instances cannot each get the full allowance); without Redis, or while it is
/// unreachable, an in-process count stands in (account lockout, kept in the database, still bounds sign-in attempts).
/// </summary>
internal sealed class AuthCounters(IServiceProvider services, TimeProvider time, ILogger<AuthCounters> log)
{
    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset Expires)> _local = new();

    /// <summary>Counts one more event under the key (the window starts at the first) and returns the count including it.</summary>
    public async Task<long> CountAsync(string key, TimeSpan window, CancellationToken ct)
    {
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            try
            {
                var redisKey = (RedisKey)$"ua:auth-count:{key}";
                var db = redis.GetDatabase();
                var count = await db.StringIncrementAsync(redisKey).WaitAsync(ct);
                if (count == 1) await db.KeyExpireAsync(redisKey, window).WaitAsync(ct);
                return count;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning(e, "Redis is unreachable: counting auth attempts in this process");
            }
        }
        var now = time.GetUtcNow();
        foreach (var (stale, entry) in _local)
            if (entry.Expires <= now) _local.TryRemove(stale, out _);
        return _local.AddOrUpdate(key, _ => (1, now + window), (_, e) => (e.Count + 1, e.Expires)).Count;
    }
}
