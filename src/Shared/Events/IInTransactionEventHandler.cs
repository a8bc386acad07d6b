using Shared.Data;

namespace Shared.Events;

/// <summary>
/// Handles an event inside the publisher's own database transaction (<see cref="IEventBus.PublishInTransactionAsync"/>):
/// its writes commit or roll back with the publisher's, so a crash can neither lose them nor make a replay repeat them.
/// For counters and other non-idempotent bookkeeping; anything slow or external stays an <see cref="IEventHandler{TEvent}"/>.
/// </summary>
public interface IInTransactionEventHandler<in TEvent>
{
    /// <summary>Handles the event with the publisher's context (its transaction open); a failure rolls the whole write back.</summary>
    Task HandleAsync(TEvent @event, AppDbContext db, CancellationToken ct);
}
