using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Shared.Health;
using Shared.Ui;

namespace UnitTests.Health;

/// <summary>Readiness results a test sets per dependency, as HealthCheckService would report them.</summary>
internal sealed class ScriptedHealth : HealthCheckService
{
    private readonly Dictionary<string, bool> _healthy = new() { ["database"] = true };
    private readonly Lock _gate = new();

    public int Checks { get; private set; }

    public void Set(string name, bool healthy)
    {
        lock (_gate) _healthy[name] = healthy;
    }

    public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Checks++;
            var entries = _healthy.ToDictionary(p => p.Key, p => new HealthReportEntry(
                p.Value ? HealthStatus.Healthy : HealthStatus.Unhealthy, p.Value ? $"{p.Key} is up" : $"{p.Key} is unreachable", TimeSpan.Zero, null, null));
            return Task.FromResult(new HealthReport(entries, TimeSpan.Zero));
        }
    }
}

public sealed class DependencyMonitorTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedHealth _health = new();
    private readonly DependencyMonitor _monitor;
    private int _changes;

    public DependencyMonitorTests()
    {
        _monitor = new DependencyMonitor(_health, _time, NullLogger<DependencyMonitor>.Instance, Interval);
        _monitor.Changed += () => Interlocked.Increment(ref _changes);
    }

    [Fact]
    public async Task The_first_check_runs_at_start_and_reports_every_dependency()
    {
        _health.Set("redis", true);

        await _monitor.StartAsync(CancellationToken.None);

        _health.Checks.ShouldBe(1);
        _monitor.Dependencies.Select(d => d.Name).ShouldBe(["database", "redis"]);
        _monitor.DatabaseDown.ShouldBeFalse();
        _monitor.RedisDown.ShouldBeFalse();
        _monitor.LastCheckedAt.ShouldBe(_time.GetUtcNow());
    }

    [Fact]
    public async Task An_outage_is_noticed_on_the_next_tick_and_its_recovery_on_the_one_after()
    {
        await _monitor.StartAsync(CancellationToken.None);
        _changes.ShouldBe(1);   // nothing known → database up

        _health.Set("database", false);
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        _monitor.DatabaseDown.ShouldBeFalse();   // the timer has not fired yet
        _time.Advance(TimeSpan.FromSeconds(1));
        _monitor.DatabaseDown.ShouldBeTrue();
        _monitor.Dependencies.Single().Description.ShouldBe("database is unreachable");
        _changes.ShouldBe(2);

        _time.Advance(Interval);                 // still down: no new change event
        _changes.ShouldBe(2);
        _health.Checks.ShouldBe(3);

        _health.Set("database", true);
        _time.Advance(Interval);
        _monitor.DatabaseDown.ShouldBeFalse();
        _changes.ShouldBe(3);
    }

    [Fact]
    public async Task Redis_counts_only_when_its_check_is_registered()
    {
        await _monitor.StartAsync(CancellationToken.None);
        _monitor.RedisDown.ShouldBeFalse();      // not configured: no "redis" entry

        _health.Set("redis", false);
        _time.Advance(Interval);

        _monitor.RedisDown.ShouldBeTrue();
        _monitor.DatabaseDown.ShouldBeFalse();
    }

    [Fact]
    public async Task Stopping_stops_the_timer()
    {
        await _monitor.StartAsync(CancellationToken.None);
        await _monitor.StopAsync(CancellationToken.None);

        _time.Advance(Interval * 3);

        _health.Checks.ShouldBe(1);
    }

    public void Dispose() => _monitor.Dispose();
}

public sealed class DependencyBannerTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedHealth _health = new();
    private readonly DependencyMonitor _monitor;

    public DependencyBannerTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        _monitor = new DependencyMonitor(_health, _time, NullLogger<DependencyMonitor>.Instance, Interval);
        Services.AddSingleton(_monitor);
    }

    [Fact]
    public async Task The_banner_shows_while_the_database_is_down_and_goes_away_when_it_is_back()
    {
        await _monitor.StartAsync(CancellationToken.None);
        var cut = Render<DependencyBanner>();
        cut.FindAll("[data-testid=banner-database]").ShouldBeEmpty();

        _health.Set("database", false);
        _time.Advance(Interval);

        cut.WaitForAssertion(() => cut.Find("[data-testid=banner-database]").TextContent.ShouldContain("Reconnecting to the database…"));

        _health.Set("database", true);
        _time.Advance(Interval);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=banner-database]").ShouldBeEmpty());
    }

    [Fact]
    public async Task The_redis_banner_says_live_updates_are_paused()
    {
        _health.Set("redis", false);
        await _monitor.StartAsync(CancellationToken.None);

        var cut = Render<DependencyBanner>();

        cut.Find("[data-testid=banner-redis]").TextContent.ShouldContain("Live updates between instances are paused: Redis is unreachable");
        cut.FindAll("[data-testid=banner-database]").ShouldBeEmpty();

        _health.Set("redis", true);
        _time.Advance(Interval);
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=banner-redis]").ShouldBeEmpty());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        _monitor.Dispose();
        await base.DisposeAsync();
    }
}
