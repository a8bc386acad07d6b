using System.Diagnostics;

namespace FakeUpwork.Http;

/// <summary>
/// Limiter per client IP: sliding windows of one second and one minute on real time (10 in any one-second window,
/// 300 in any sixty seconds, counted like Upwork would: any window, not calendar seconds), a per-UTC-day cap, and
/// Upwork's block (docs/upwork-api.md §3, §7.5): once it has answered 429 it keeps answering 429 until
/// <see cref="FakeRateLimits.BlockFor"/> after the last 429 it sent, so a client that retries quickly stays blocked.
/// The block is measured on the fake's clock, so tests end it by advancing the clock instead of waiting a minute.
/// </summary>
internal sealed class RateLimiter(FakeRateLimits limits, FakeClock clock)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Queue<long>> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateOnly Day, int Count)> _daily = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    /// <summary>Admits a request, or returns why not and how long to wait.</summary>
    public (bool Allowed, int RetryAfterSeconds, bool Daily) TryAcquire(string ip)
    {
        if (!limits.Enabled)
        {
            return (true, 0, false);
        }

        var now = Stopwatch.GetTimestamp();
        var utcNow = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(utcNow);
        var fakeNow = clock.Now;
        lock (_sync)
        {
            if (_blockedUntil.TryGetValue(ip, out var until) && fakeNow < until)
            {
                return Block(ip, fakeNow);
            }

            if (!_accepted.TryGetValue(ip, out var queue))
            {
                _accepted[ip] = queue = new Queue<long>();
            }

            var minuteAgo = now - (Stopwatch.Frequency * 60);
            while (queue.Count > 0 && queue.Peek() <= minuteAgo)
            {
                queue.Dequeue();
            }

            var secondAgo = now - Stopwatch.Frequency;
            if (queue.Count(t => t > secondAgo) >= limits.PerSecond || queue.Count >= limits.PerMinute)
            {
                return Block(ip, fakeNow);
            }

            var daily = _daily.GetValueOrDefault(ip);
            if (daily.Day != today)
            {
                daily = (today, 0);
            }

            if (daily.Count >= limits.PerDay)
            {
                var untilMidnight = today.AddDays(1).ToDateTime(TimeOnly.MinValue) - utcNow;
                return (false, Math.Max(1, (int)Math.Ceiling(untilMidnight.TotalSeconds)), true);
            }

            queue.Enqueue(now);
            _daily[ip] = (today, daily.Count + 1);
            return (true, 0, false);
        }
    }

    /// <summary>Lifts every block (test hook; the windows stay).</summary>
    public void Unblock()
    {
        lock (_sync)
        {
            _blockedUntil.Clear();
        }
    }

    // Every 429 sent moves the end of the block to a full period after it.
    private (bool, int, bool) Block(string ip, DateTimeOffset fakeNow)
    {
        _blockedUntil[ip] = fakeNow + limits.BlockFor;
        return (false, Math.Max(1, (int)Math.Ceiling(limits.BlockFor.TotalSeconds)), false);
    }
}
