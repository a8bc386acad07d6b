namespace FakeUpwork;

/// <summary>
/// The fake's controllable clock. It starts at the real UTC time and only moves when told to;
/// it drives token and code expiry, the publish time of generated jobs and <c>daysPosted_eq</c>.
/// Rate-limit windows deliberately use real time; the block after a 429 uses this clock.
/// </summary>
public sealed class FakeClock
{
    private readonly Lock _sync = new();
    private DateTimeOffset _now;

    /// <summary>Creates a clock set to <paramref name="start"/>.</summary>
    /// <param name="start">The initial time.</param>
    public FakeClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <summary>The current fake time (UTC).</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_sync)
            {
                return _now;
            }
        }
    }

    /// <summary>Moves the clock forward (or backward, with a negative span).</summary>
    /// <param name="by">How far to move.</param>
    public void Advance(TimeSpan by)
    {
        lock (_sync)
        {
            _now = _now.Add(by);
        }
    }

    /// <summary>Sets the clock to an exact time.</summary>
    /// <param name="now">The new time.</param>
    public void Set(DateTimeOffset now)
    {
        lock (_sync)
        {
            _now = now.ToUniversalTime();
        }
    }
}
