using System.Globalization;
using StackExchange.Redis;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// Paces every request to Upwork under the deployment's limits, at the moment of sending: a minimum interval between
/// sends (1 s / <see cref="UpworkOptions.RequestsPerSecond"/>, so requests never leave in a clump), sliding windows of
/// one second and one minute (waits), a daily budget and per-kind hourly budgets (refuses:
/// <see cref="UpworkBudgetExhaustedException"/>), and a pause after a 429 (refuses: <see cref="UpworkRateLimitedException"/>).
/// With Redis all of it lives in Redis (keys <c>{prefix}:rate_limit:{upwork}:*</c>) and is shared by every instance,
/// because Upwork counts per IP address, not per process; without Redis it is in memory.
/// </summary>
internal interface IUpworkRateGate
{
    /// <summary>Waits for a slot (true when it had to wait, false when one was free at once); throws when a budget is spent or Upwork's 429 pause is on.</summary>
    Task<bool> AcquireAsync(string category, CancellationToken ct);

    /// <summary>Stops every request (every instance, with Redis) for at least <paramref name="atLeast"/>; returns when the pause ends.</summary>
    Task<DateTimeOffset> PauseAsync(TimeSpan atLeast, CancellationToken ct);

    /// <summary>The gate's own counters as they stand (the Compliance page's gauges read these, never a second count).</summary>
    Task<GateSnapshot> SnapshotAsync(CancellationToken ct);
}

/// <summary>
/// Requests granted in the last second and minute (sliding), today (UTC) and this hour per budget kind, and the end of a
/// 429 pause if one is on. Every instance's requests with Redis; this process's without.
/// </summary>
internal sealed record GateSnapshot(int LastSecond, int LastMinute, int Today, IReadOnlyDictionary<string, int> ThisHour, DateTimeOffset? PausedUntil);

/// <summary>The answer of one attempt to take a slot: go, wait this long, a budget is spent, or paused until a time.</summary>
internal readonly record struct GateDecision(bool Allowed, TimeSpan Wait, string? ExhaustedBudget, DateTimeOffset? PausedUntil = null)
{
    public static readonly GateDecision Go = new(true, TimeSpan.Zero, null);
}

internal abstract class RateGateBase(IOptions<UpworkOptions> options, TimeProvider time) : IUpworkRateGate
{
    protected UpworkOptions Options => options.Value;
    protected TimeProvider Time => time;

    /// <summary>The minimum time between two sends.</summary>
    protected TimeSpan Spacing => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Options.RequestsPerSecond);

    public async Task<bool> AcquireAsync(string category, CancellationToken ct)
    {
        for (var waited = false; ; waited = true)
        {
            var decision = await TryTakeAsync(HourlyKey(category), HourlyBudget(category), ct);
            if (decision.Allowed) return waited;
            if (decision.PausedUntil is { } until) throw new UpworkRateLimitedException(until, received: false);
            if (decision.ExhaustedBudget is { } budget) throw new UpworkBudgetExhaustedException(budget, NextWindow(budget));
            await Task.Delay(decision.Wait, time, ct);
        }
    }

    public abstract Task<DateTimeOffset> PauseAsync(TimeSpan atLeast, CancellationToken ct);

    public abstract Task<GateSnapshot> SnapshotAsync(CancellationToken ct);

    /// <summary>The budget kinds an hour is counted under (a submit counts in the proposals hour).</summary>
    protected static readonly string[] HourlyKinds =
        [UpworkRequest.JobsCategory, UpworkRequest.ProposalsCategory, UpworkRequest.MessagesCategory, UpworkRequest.ProfileCategory, UpworkRequest.AuthCategory];

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

/// <summary>One process: spacing and exact sliding windows under a lock.</summary>
internal sealed class InMemoryRateGate(IOptions<UpworkOptions> options, TimeProvider time) : RateGateBase(options, time)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _lastMinute = new();
    private readonly Dictionary<string, int> _counters = [];
    private DateTimeOffset _nextSend = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public override Task<DateTimeOffset> PauseAsync(TimeSpan atLeast, CancellationToken ct)
    {
        lock (_lock)
        {
            var until = Time.GetUtcNow() + atLeast;
            if (until > _pausedUntil) _pausedUntil = until;
            return Task.FromResult(_pausedUntil);
        }
    }

    public override Task<GateSnapshot> SnapshotAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            var now = Time.GetUtcNow();
            var minute = _lastMinute.Count(t => t > now - TimeSpan.FromMinutes(1));
            var second = _lastMinute.Count(t => t > now - TimeSpan.FromSeconds(1));
            var hour = HourlyKinds.ToDictionary(k => k, k => _counters.GetValueOrDefault($"h:{k}:{HourKey(now)}"));
            return Task.FromResult(new GateSnapshot(second, minute, _counters.GetValueOrDefault("d:" + DayKey(now)), hour,
                now < _pausedUntil ? _pausedUntil : null));
        }
    }

    protected override Task<GateDecision> TryTakeAsync(string category, int hourlyBudget, CancellationToken ct)
    {
        lock (_lock)
        {
            var now = Time.GetUtcNow();
            if (now < _pausedUntil) return Task.FromResult(new GateDecision(false, TimeSpan.Zero, null, _pausedUntil));
            while (_lastMinute.Count > 0 && _lastMinute.Peek() <= now - TimeSpan.FromMinutes(1)) _lastMinute.Dequeue();
            var dayKey = "d:" + DayKey(now);
            var hourKey = $"h:{category}:{HourKey(now)}";
            if (_counters.GetValueOrDefault(dayKey) >= Options.DailyBudget) return Task.FromResult(new GateDecision(false, TimeSpan.Zero, "daily"));
            if (_counters.GetValueOrDefault(hourKey) >= hourlyBudget) return Task.FromResult(new GateDecision(false, TimeSpan.Zero, $"hourly {category}"));

            if (now < _nextSend) return Task.FromResult(new GateDecision(false, _nextSend - now, null));
            var inLastSecond = _lastMinute.Where(t => t > now - TimeSpan.FromSeconds(1)).ToList();
            if (inLastSecond.Count >= Options.RequestsPerSecond)
                return Task.FromResult(new GateDecision(false, inLastSecond[0] + TimeSpan.FromSeconds(1) - now + TimeSpan.FromMilliseconds(5), null));
            if (_lastMinute.Count >= Options.RequestsPerMinute)
                return Task.FromResult(new GateDecision(false, _lastMinute.Peek() + TimeSpan.FromMinutes(1) - now + TimeSpan.FromMilliseconds(5), null));

            // The next send is spaced from this one as it is granted, not from a slot booked earlier: a caller that
            // woke up late cannot make the ones after it catch up in a burst.
            _nextSend = now + Spacing;
            _lastMinute.Enqueue(now);
            _counters[dayKey] = _counters.GetValueOrDefault(dayKey) + 1;
            _counters[hourKey] = _counters.GetValueOrDefault(hourKey) + 1;
            if (_counters.Count > 200)   // forget old hours and days
                foreach (var stale in _counters.Keys.Where(k => !k.EndsWith(HourKey(now), StringComparison.Ordinal) && k != dayKey).ToList()) _counters.Remove(stale);
            return Task.FromResult(GateDecision.Go);
        }
    }
}

/// <summary>Every instance: the same spacing, windows and pause in Redis, checked and taken atomically by one script.</summary>
internal sealed class RedisRateGate(Lazy<IConnectionMultiplexer> redis, IOptions<Shared.Live.RedisOptions> redisOptions, IOptions<UpworkOptions> options, TimeProvider time)
    : RateGateBase(options, time)
{
    // Spacing and windows run on Redis's own clock, so instances with drifting clocks still share one schedule; the
    // pause is compared with the caller's clock (ARGV[1]), the one it was set on. Keys share the {upwork} hash tag so
    // the script also runs on Redis Cluster. Answers {0}: go, {1, ms}: wait, {-1}/{-2}: daily/hourly budget spent,
    // {-3, until-ms}: paused.
    private const string TakeScript = """
        local paused = tonumber(redis.call('GET', KEYS[5]) or '0')
        if paused > tonumber(ARGV[1]) then return {-3, paused} end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 60000)
        if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[4]) then return {-1} end
        if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[5]) then return {-2} end
        local nextSend = tonumber(redis.call('GET', KEYS[6]) or '0')
        if nextSend > now then return {1, nextSend - now} end
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
          local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
          return {1, math.max(1, tonumber(oldest[2]) + 1000 - now + 5)}
        end
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
          local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
          return {1, math.max(1, tonumber(oldest[2]) + 60000 - now + 5)}
        end
        local spacing = tonumber(ARGV[7])
        redis.call('SET', KEYS[6], now + spacing, 'PX', spacing + 1000)
        redis.call('ZADD', KEYS[1], now, ARGV[6])
        redis.call('ZADD', KEYS[2], now, ARGV[6])
        redis.call('PEXPIRE', KEYS[1], 2000)
        redis.call('PEXPIRE', KEYS[2], 61000)
        redis.call('INCR', KEYS[3])
        redis.call('EXPIRE', KEYS[3], 172800)
        redis.call('INCR', KEYS[4])
        redis.call('EXPIRE', KEYS[4], 7200)
        return {0}
        """;

    // Only ever moves the end of the pause later; the key outlives the pause by a minute of real time.
    private const string PauseScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local wanted = tonumber(ARGV[1])
        if wanted > current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
          return wanted
        end
        return current
        """;

    private string Prefix => $"{redisOptions.Value.Prefix}:rate_limit:{{upwork}}";

    // Reads what TakeScript keeps, on Redis's clock like it: {second, minute, day, paused_until, hour per kind...}.
    private const string SnapshotScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local result = {redis.call('ZCOUNT', KEYS[1], now - 1000 + 1, '+inf'), redis.call('ZCOUNT', KEYS[2], now - 60000 + 1, '+inf'),
          tonumber(redis.call('GET', KEYS[3]) or '0'), tonumber(redis.call('GET', KEYS[4]) or '0')}
        for i = 5, #KEYS do result[#result + 1] = tonumber(redis.call('GET', KEYS[i]) or '0') end
        return result
        """;

    public override async Task<GateSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var prefix = Prefix;
        var keys = new List<RedisKey> { $"{prefix}:second", $"{prefix}:minute", $"{prefix}:day:{DayKey(now)}", $"{prefix}:paused_until" };
        keys.AddRange(HourlyKinds.Select(k => (RedisKey)$"{prefix}:hour:{k}:{HourKey(now)}"));
        var result = (RedisResult[])(await redis.Value.GetDatabase().ScriptEvaluateAsync(SnapshotScript, [.. keys]))!;
        var paused = (long)result[3];
        return new GateSnapshot((int)(long)result[0], (int)(long)result[1], (int)(long)result[2],
            HourlyKinds.Select((k, i) => (k, (int)(long)result[4 + i])).ToDictionary(x => x.k, x => x.Item2),
            paused > now.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(paused) : null);
    }

    public override async Task<DateTimeOffset> PauseAsync(TimeSpan atLeast, CancellationToken ct)
    {
        var until = Time.GetUtcNow() + atLeast;
        var result = (long)await redis.Value.GetDatabase().ScriptEvaluateAsync(PauseScript, [$"{Prefix}:paused_until"],
            [until.ToUnixTimeMilliseconds(), (long)(atLeast + TimeSpan.FromMinutes(1)).TotalMilliseconds]);
        return DateTimeOffset.FromUnixTimeMilliseconds(result);
    }

    protected override async Task<GateDecision> TryTakeAsync(string category, int hourlyBudget, CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var prefix = Prefix;
        var result = (RedisResult[])(await redis.Value.GetDatabase().ScriptEvaluateAsync(TakeScript,
            [$"{prefix}:second", $"{prefix}:minute", $"{prefix}:day:{DayKey(now)}", $"{prefix}:hour:{category}:{HourKey(now)}", $"{prefix}:paused_until", $"{prefix}:next_send"],
            [now.ToUnixTimeMilliseconds(), Options.RequestsPerSecond, Options.RequestsPerMinute, Options.DailyBudget, hourlyBudget, Guid.NewGuid().ToString("N"),
             (long)Spacing.TotalMilliseconds]))!;
        return (long)result[0] switch
        {
            0 => GateDecision.Go,
            -1 => new GateDecision(false, TimeSpan.Zero, "daily"),
            -2 => new GateDecision(false, TimeSpan.Zero, $"hourly {category}"),
            -3 => new GateDecision(false, TimeSpan.Zero, null, DateTimeOffset.FromUnixTimeMilliseconds((long)result[1])),
            _ => new GateDecision(false, TimeSpan.FromMilliseconds((long)result[1]), null),
        };
    }
}

/// <summary>A daily or hourly budget is spent; nothing is sent until <see cref="RetryAt"/>.</summary>
internal sealed class UpworkBudgetExhaustedException(string budget, DateTimeOffset retryAt)
    : Exception($"The {budget} Upwork request budget is spent; the next request goes out after {retryAt:u}.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}

/// <summary>
/// Upwork answered 429 (<see cref="Received"/>), or an earlier 429 paused every request: nothing goes to Upwork until
/// <see cref="PausedUntil"/>. Upwork unblocks an app a minute after its last rate-limited request (docs/upwork-api.md §3),
/// so retrying sooner would only keep the block alive.
/// </summary>
internal sealed class UpworkRateLimitedException(DateTimeOffset pausedUntil, bool received)
    : UpworkApiException($"Upwork rate-limited us; paused until {pausedUntil:yyyy-MM-dd HH:mm:ss} UTC.", 429, null)
{
    public DateTimeOffset PausedUntil { get; } = pausedUntil;
    public bool Received { get; } = received;
}
