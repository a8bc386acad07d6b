namespace Shared.Events;

/// <summary>Handles one kind of event. Handlers must be idempotent and fast; slow work goes to a queue table and a job.</summary>
public interface IEventHandler<in TEvent>
{
    /// <summary>Handles the event.</summary>
    Task HandleAsync(TEvent @event, CancellationToken ct);
}
