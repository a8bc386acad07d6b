using System.Diagnostics;

namespace FakeUpwork.Http;

/// <summary>Sliding-window limiter per client IP on real time: per second, per minute, and per UTC day.</summary>
internal sealed class RateLimiter(FakeRateLimits limits)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Queue<long>> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateOnly Day, int Count)> _daily = new(StringComparer.Ordinal);

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
        lock (_sync)
        {
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
            if (queue.Count(t => t > secondAgo) >= limits.PerSecond)
            {
                return (false, 1, false);
            }

            if (queue.Count >= limits.PerMinute)
            {
                var waitTicks = queue.Peek() + (Stopwatch.Frequency * 60) - now;
                return (false, Math.Max(1, (int)Math.Ceiling(waitTicks / (double)Stopwatch.Frequency)), false);
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
}
