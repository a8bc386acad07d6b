using Microsoft.Extensions.DependencyInjection;

namespace BrowserTests;

/// <summary>
/// The browser fixture with the app's clock in the test's hand: journeys that type authenticator codes hold the clock
/// inside a TOTP step, so a slow machine can never carry the app into a step the typed code no longer matches.
/// </summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public SettableClock Clock { get; } = new();

    /// <summary>A step two behind the wall clock: releasing the clock afterwards moves time forward, never back.</summary>
    public long FirstStep { get; } = SettableClock.RealStepNow() - 2;

    protected override AppFactory CreateApp() =>
        new(Database, Settings, services: s => s.AddSingleton<TimeProvider>(Clock), kestrel: true, kestrelPort: KestrelPort);
}
