namespace Shared.Live;

/// <summary>Carries live events to every instance (including this one).</summary>
internal interface ILiveUpdatesTransport
{
    /// <summary>Raised for each event received, on every instance.</summary>
    event Func<LiveEvent, Task>? Received;

    /// <summary>Sends the event to all instances.</summary>
    Task PublishAsync(LiveEvent e, CancellationToken ct);
}
