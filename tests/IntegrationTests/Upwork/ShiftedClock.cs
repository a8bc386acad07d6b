namespace IntegrationTests.Upwork;

/// <summary>
/// The app's clock in tests that must see time pass without waiting for it: real time plus an offset the test moves
/// forward. Timers and timestamps stay real, so everything else in the app behaves as usual.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
