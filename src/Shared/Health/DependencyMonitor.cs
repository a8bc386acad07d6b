using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shared.Health;

/// <summary>One dependency as the last readiness check saw it (<c>database</c>, <c>redis</c> when configured).</summary>
public sealed record DependencyStatus(string Name, bool Healthy, string? Description, DateTimeOffset CheckedAt);

/// <summary>
/// Re-runs the <c>/health/ready</c> checks (tag <c>ready</c>: the database, Redis when configured) on a timer from
/// <see cref="TimeProvider"/> and raises <see cref="Changed"/> when a dependency goes down or comes back, so the app
/// shell can show a banner while it is unreachable (docs/features.md, "Degraded dependencies").
/// </summary>
public sealed class DependencyMonitor : IHostedService, IDisposable
{
    /// <summary>How often the checks run; a recovery is noticed within this time.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly HealthCheckService _health;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<DependencyMonitor> _log;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private int _checking;
    private IReadOnlyList<DependencyStatus> _dependencies = [];

    /// <summary>Creates the monitor; <paramref name="interval"/> defaults to <see cref="DefaultInterval"/>.</summary>
    public DependencyMonitor(HealthCheckService health, TimeProvider time, ILogger<DependencyMonitor> log, TimeSpan? interval = null)
    {
        _health = health;
        _time = time;
        _log = log;
        _interval = interval ?? DefaultInterval;
    }

    /// <summary>Raised (on the timer's thread) when any dependency's health flips; not on every check.</summary>
    public event Action? Changed;

    /// <summary>The dependencies from the last check; empty before the first one finished.</summary>
    public IReadOnlyList<DependencyStatus> Dependencies => Volatile.Read(ref _dependencies);

    /// <summary>When the last check finished, or null before the first.</summary>
    public DateTimeOffset? LastCheckedAt { get; private set; }

    /// <summary>True while the last check found the database unreachable (or not migrated).</summary>
    public bool DatabaseDown => IsDown("database");

    /// <summary>True while Redis is configured and the last check could not reach it.</summary>
    public bool RedisDown => IsDown("redis");

    private bool IsDown(string name) => Dependencies.Any(d => d.Name == name && !d.Healthy);

    /// <summary>Starts the timer: a check now, then one every interval.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            _timer ??= _time.CreateTimer(_ => _ = CheckNowAsync(CancellationToken.None), null, TimeSpan.Zero, _interval);
        return Task.CompletedTask;
    }

    /// <summary>Stops the timer.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs the readiness checks once (skipped while a check is still running) and raises <see cref="Changed"/> on a flip.</summary>
    public async Task CheckNowAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _checking, 1) == 1) return;
        try
        {
            var report = await _health.CheckHealthAsync(r => r.Tags.Contains("ready"), ct);
            var now = _time.GetUtcNow();
            var next = report.Entries
                .Select(e => new DependencyStatus(e.Key, e.Value.Status != HealthStatus.Unhealthy, e.Value.Description, now))
                .OrderBy(d => d.Name, StringComparer.Ordinal)
                .ToList();
            var before = Dependencies;
            Volatile.Write(ref _dependencies, next);
            LastCheckedAt = now;
            if (Flipped(before, next))
            {
                foreach (var d in next.Where(d => !d.Healthy))
                    _log.LogWarning("Dependency {Dependency} is unhealthy: {Description}", d.Name, d.Description);
                Changed?.Invoke();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A check that throws is already reported as unhealthy by HealthCheckService; this is only a safety net.
            _log.LogWarning(ex, "The dependency check failed");
        }
        finally
        {
            Interlocked.Exchange(ref _checking, 0);
        }
    }

    private static bool Flipped(IReadOnlyList<DependencyStatus> before, IReadOnlyList<DependencyStatus> after) =>
        before.Count != after.Count || before.Zip(after).Any(p => p.First.Name != p.Second.Name || p.First.Healthy != p.Second.Healthy);

    /// <summary>Stops the timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
