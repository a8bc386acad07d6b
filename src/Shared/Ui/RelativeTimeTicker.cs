namespace Shared.Ui;

/// <summary>
/// One timer per circuit for every <c>LocalTime</c> whose text still changes with age ("just now", "4 min ago",
/// "3 h ago"): it runs from the app's <see cref="TimeProvider"/> only while at least one such time is shown, ticks every
/// <see cref="Period"/>, and stops with the last listener or the circuit (issue 25, relative times tick).
/// </summary>
public sealed class RelativeTimeTicker(TimeProvider time) : IDisposable
{
    /// <summary>How often shown times are brought up to date: "1 min ago" is at most this late.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<Action> _listeners = [];
    private ITimer? _timer;

    /// <summary>Whether the shared timer is running (some shown time is still changing).</summary>
    public bool Running
    {
        get { lock (_gate) return _timer is not null; }
    }

    /// <summary>Calls <paramref name="onTick"/> on every tick until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action onTick)
    {
        ArgumentNullException.ThrowIfNull(onTick);
        lock (_gate)
        {
            _listeners.Add(onTick);
            _timer ??= time.CreateTimer(_ => Tick(), null, Period, Period);
        }
        return new Subscription(this, onTick);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _listeners.Clear();
            StopLocked();
        }
    }

    private void Tick()
    {
        Action[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners) listener();
    }

    private void Unsubscribe(Action onTick)
    {
        lock (_gate)
        {
            _listeners.Remove(onTick);
            if (_listeners.Count == 0) StopLocked();
        }
    }

    private void StopLocked()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private sealed class Subscription(RelativeTimeTicker owner, Action onTick) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(onTick);
        }
    }
}
