namespace Shared.Live;

/// <summary>Single-instance transport: delivery is a direct call.</summary>
internal sealed class InProcessTransport : ILiveUpdatesTransport
{
    public event Func<LiveEvent, Task>? Received;

    public Task PublishAsync(LiveEvent e, CancellationToken ct) => Received?.Invoke(e) ?? Task.CompletedTask;
}
