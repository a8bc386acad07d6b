using System.Diagnostics;

namespace TestSupport;

/// <summary>
/// Waits for something the app does in the background (a mail sent, a row written, a hub message) by asking again until
/// it holds. The limit is only how long to wait before calling it a failure, never a measurement: tests assert what
/// happened, not how fast. It counts on a monotonic stopwatch, never the wall clock.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits for background work before failing (generous: CI machines are slow and shared).</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Asks <paramref name="probe"/> until it returns a value, and returns it; fails naming <paramref name="what"/>.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? limit = null) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value) return value;
            if (clock.Elapsed > (limit ?? DefaultLimit)) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(Pause);
        }
    }

    /// <summary>Asks <paramref name="condition"/> until it holds; fails naming <paramref name="what"/>.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null) =>
        GetAsync<object>(async () => await condition() ? true : null, what, limit);

    /// <summary>Asks <paramref name="condition"/> until it holds; fails naming <paramref name="what"/>.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, limit);
}
