using System.Globalization;
using StackExchange.Redis;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// Paces every request to Upwork under the deployment's limits: sliding windows of one second and one minute (waits),
/// a daily budget and per-kind hourly budgets (refuses: <see cref="UpworkBudgetExhaustedException"/>). With Redis the
/// windows live in Redis (keys <c>{prefix}:rate_limit:upwork:*</c>) and are shared by every instance, because Upwork
/// counts per IP address, not per process; without Redis they are in memory.
/// </summary>
internal interface IUpworkRateGate
{
    Task AcquireAsync(string category, CancellationToken ct);
}

/// <summary>The answer of one attempt to take a slot: go, wait this long, or a budget is spent.</summary>
internal readonly record struct GateDecision(bool Allowed, TimeSpan Wait, string? ExhaustedBudget)
{
    public static readonly GateDecision Go = new(true, TimeSpan.Zero, null);
}

internal abstract class RateGateBase(IOptions<UpworkOptions> options, TimeProvider time) : IUpworkRateGate
{
    protected UpworkOptions Options => options.Value;
    protected TimeProvider Time => time;

    public async Task AcquireAsync(string category, CancellationToken ct)
    {
        while (true)
        {
            var decision = await TryTakeAsync(HourlyKey(category), HourlyBudget(category), ct);
            if (decision.Allowed) return;
            if (decision.ExhaustedBudget is { } budget) throw new UpworkBudgetExhaustedException(budget, NextWindow(budget));
            await Task.Delay(decision.Wait, time, ct);
        }
    }

    protected abstract Task<GateDecision> TryTakeAsync(string category, int hourlyBudget, CancellationToken ct);

    /// <summary>
    /// A human submit counts in the proposals hour like everything else but may use all of it, while background proposal
    /// calls (the status sync) stop <see cref="UpworkBudgets.SubmitReservePerHour"/> short: the sync never starves Submit.
    /// </summary>
    private static string HourlyKey(string category) => category == UpworkRequest.SubmitCategory ? UpworkRequest.ProposalsCategory : category;

    private int HourlyBudget(string category) => category switch
    {
        UpworkRequest.JobsCategory => Options.Budgets.JobsPerHour,
        UpworkRequest.SubmitCategory => Options.Budgets.ProposalsPerHour,
        UpworkRequest.ProposalsCategory => Math.Max(0, Options.Budgets.ProposalsPerHour - Options.Budgets.SubmitReservePerHour),
        UpworkRequest.MessagesCategory => Options.Budgets.MessagesPerHour,
        _ => int.MaxValue,
    };

    private DateTimeOffset NextWindow(string budget)
    {
        var now = time.GetUtcNow();
        return budget == "daily"
            ? new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero)
            : new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
    }

    protected static string DayKey(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    protected static string HourKey(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}

/// <summary>One process: exact sliding windows under a lock.</summary>
internal sealed class InMemoryRateGate(IOptions<UpworkOptions> options, TimeProvider time) : RateGateBase(options, time)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _lastMinute = new();
    private readonly Dictionary<string, int> _counters = [];

    protected override Task<GateDecision> TryTakeAsync(string category, int hourlyBudget, CancellationToken ct)
    {
        lock (_lock)
        {
            var now = Time.GetUtcNow();
            while (_lastMinute.Count > 0 && _lastMinute.Peek() <= now - TimeSpan.FromMinutes(1)) _lastMinute.Dequeue();
            var dayKey = "d:" + DayKey(now);
            var hourKey = $"h:{category}:{HourKey(now)}";
            if (_counters.GetValueOrDefault(dayKey) >= Options.DailyBudget) return Task.FromResult(new GateDecision(false, TimeSpan.Zero, "daily"));
            if (_counters.GetValueOrDefault(hourKey) >= hourlyBudget) return Task.FromResult(new GateDecision(false, TimeSpan.Zero, $"hourly {category}"));

            var inLastSecond = _lastMinute.Where(t => t > now - TimeSpan.FromSeconds(1)).ToList();
            if (inLastSecond.Count >= Options.RequestsPerSecond)
                return Task.FromResult(new GateDecision(false, inLastSecond[0] + TimeSpan.FromSeconds(1) - now + TimeSpan.FromMilliseconds(5), null));
            if (_lastMinute.Count >= Options.RequestsPerMinute)
                return Task.FromResult(new GateDecision(false, _lastMinute.Peek() + TimeSpan.FromMinutes(1) - now + TimeSpan.FromMilliseconds(5), null));

            _lastMinute.Enqueue(now);
            _counters[dayKey] = _counters.GetValueOrDefault(dayKey) + 1;
            _counters[hourKey] = _counters.GetValueOrDefault(hourKey) + 1;
            if (_counters.Count > 200)   // forget old hours and days
                foreach (var stale in _counters.Keys.Where(k => !k.EndsWith(HourKey(now), StringComparison.Ordinal) && k != dayKey).ToList()) _counters.Remove(stale);
            return Task.FromResult(GateDecision.Go);
        }
    }
}

/// <summary>Every instance: the same sliding windows as sorted sets in Redis, checked and taken atomically by one script.</summary>
internal sealed class RedisRateGate(Lazy<IConnectionMultiplexer> redis, IOptions<Shared.Live.RedisOptions> redisOptions, IOptions<UpworkOptions> options, TimeProvider time)
    : RateGateBase(options, time)
{
    // Redis's own clock, so instances with drifting clocks still share one window; keys share the {upwork} hash tag
    // so the script also runs on Redis Cluster.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 60000)
        if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[4]) then return -1 end
        if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[5]) then return -2 end
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
          local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
          return math.max(1, tonumber(oldest[2]) + 1000 - now + 5)
        end
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
          local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
          return math.max(1, tonumber(oldest[2]) + 60000 - now + 5)
        end
        redis.call('ZADD', KEYS[1], now, ARGV[6])
        redis.call('ZADD', KEYS[2], now, ARGV[6])
        redis.call('PEXPIRE', KEYS[1], 2000)
        redis.call('PEXPIRE', KEYS[2], 61000)
        redis.call('INCR', KEYS[3])
        redis.call('EXPIRE', KEYS[3], 172800)
        redis.call('INCR', KEYS[4])
        redis.call('EXPIRE', KEYS[4], 7200)
        return 0
        """;

    protected override async Task<GateDecision> TryTakeAsync(string category, int hourlyBudget, CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var prefix = $"{redisOptions.Value.Prefix}:rate_limit:{{upwork}}";
        var result = (long)await redis.Value.GetDatabase().ScriptEvaluateAsync(Script,
            [$"{prefix}:second", $"{prefix}:minute", $"{prefix}:day:{DayKey(now)}", $"{prefix}:hour:{category}:{HourKey(now)}"],
            [now.ToUnixTimeMilliseconds(), Options.RequestsPerSecond, Options.RequestsPerMinute, Options.DailyBudget, hourlyBudget, Guid.NewGuid().ToString("N")]);
        return result switch
        {
            0 => GateDecision.Go,
            -1 => new GateDecision(false, TimeSpan.Zero, "daily"),
            -2 => new GateDecision(false, TimeSpan.Zero, $"hourly {category}"),
            _ => new GateDecision(false, TimeSpan.FromMilliseconds(result), null),
        };
    }
}

/// <summary>A daily or hourly budget is spent; nothing is sent until <see cref="RetryAt"/>.</summary>
internal sealed class UpworkBudgetExhaustedException(string budget, DateTimeOffset retryAt)
    : Exception($"The {budget} Upwork request budget is spent; the next request goes out after {retryAt:u}.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}
