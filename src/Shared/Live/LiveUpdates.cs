using System.Collections.Concurrent;
using System.Text.Json;

namespace Shared.Live;

/// <summary>
/// The singleton notifier Blazor components subscribe to (the circuit is already a SignalR connection, so no hub
/// is needed for them). Publishing goes through the transport: in-process by default, Redis pub/sub when
/// <c>Redis:Connection</c> is set, so every instance's subscribers see every instance's events.
/// </summary>
public sealed class LiveUpdates
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<LiveEvent, Task>>> _subscribers = new();
    private readonly ILiveUpdatesTransport _transport;
    private readonly ILogger<LiveUpdates> _log;

    internal LiveUpdates(ILiveUpdatesTransport transport, ILogger<LiveUpdates> log)
    {
        _transport = transport;
        _log = log;
        _transport.Received += DispatchAsync;
    }

    /// <summary>Calls <paramref name="handler"/> for every event on <paramref name="topic"/> until the result is disposed.</summary>
    public IDisposable Subscribe(string topic, Func<LiveEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(topic, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(topic, out var handlers)) handlers.TryRemove(id, out _);
        });
    }

    /// <summary>Subscribes with a handler that ignores the payload (for "something changed, reload").</summary>
    public IDisposable Subscribe(string topic, Func<Task> handler) => Subscribe(topic, _ => handler());

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> to subscribers on every instance.</summary>
    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct = default) =>
        _transport.PublishAsync(new LiveEvent(topic, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web)), ct);

    /// <summary>Number of live subscriptions on a topic on this instance.</summary>
    public int SubscriberCount(string topic) => _subscribers.TryGetValue(topic, out var handlers) ? handlers.Count : 0;

    private Task DispatchAsync(LiveEvent e)
    {
        if (!_subscribers.TryGetValue(e.Topic, out var handlers) || handlers.IsEmpty) return Task.CompletedTask;
        // All subscribers at once: one slow or broken subscriber (a closed circuit, say) must not hold up the others.
        return Task.WhenAll(handlers.Values.Select(handler => InvokeAsync(handler, e)));
    }

    private async Task InvokeAsync(Func<LiveEvent, Task> handler, LiveEvent e)
    {
        try { await handler(e); }
        catch (Exception ex) { _log.LogWarning(ex, "A live subscriber of {Topic} failed", e.Topic); }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
