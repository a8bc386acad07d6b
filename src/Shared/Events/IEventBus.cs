using Shared.Data;

namespace Shared.Events;

/// <summary>Publishes facts (past-tense event records) to the handlers other modules registered. Publish after saving.</summary>
public interface IEventBus
{
    /// <summary>Runs every handler of <typeparamref name="TEvent"/>, each in its own scope; a failing handler is logged, not thrown.</summary>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default) where TEvent : notnull;

    /// <summary>
    /// Runs every <see cref="IInTransactionEventHandler{TEvent}"/> of <typeparamref name="TEvent"/> on <paramref name="db"/>,
    /// before the caller commits its transaction; a failing handler throws (the caller's write rolls back with it).
    /// </summary>
    Task PublishInTransactionAsync<TEvent>(TEvent @event, AppDbContext db, CancellationToken ct = default) where TEvent : notnull;
}
