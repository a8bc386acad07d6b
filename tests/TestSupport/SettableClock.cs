namespace TestSupport;

/// <summary>
/// The app's clock for tests that must stand on a given instant (a TOTP step boundary): the real clock until a test
/// calls <see cref="Set"/>, then exactly that instant until <see cref="Release"/>.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _ticks;   // 0: follow the real clock

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Read(ref _ticks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : System.GetUtcNow();

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);

    public void Release() => Interlocked.Exchange(ref _ticks, 0);

    /// <summary>A fixed instant inside a RFC 6238 step (30 s) near now, <paramref name="second"/> seconds into it.</summary>
    public static DateTimeOffset InStep(long step, double second) => DateTimeOffset.FromUnixTimeSeconds(step * 30).AddSeconds(second);

    /// <summary>
    /// Holds the clock at <paramref name="second"/> seconds into TOTP step <paramref name="step"/> and returns that
    /// instant, so a code computed for it is the one the app expects however long the test took to get here.
    /// </summary>
    public DateTime HoldInStep(long step, double second = 10)
    {
        var at = InStep(step, second);
        Set(at);
        return at.UtcDateTime;
    }

    /// <summary>The RFC 6238 step the wall clock is in now (only to pick steps near the present).</summary>
    public static long RealStepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
}
