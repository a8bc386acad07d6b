using Shared.Data;

namespace Shared.Events;

internal sealed class InProcessEventBus(IServiceScopeFactory scopes, IEnumerable<EventHandlerRegistration> registrations, ILogger<InProcessEventBus> log)
    : IEventBus
{
    private readonly ILookup<Type, Type> _handlers = registrations.Where(r => !r.InTransaction).ToLookup(r => r.Event, r => r.Handler);
    private readonly ILookup<Type, Type> _inTransaction = registrations.Where(r => r.InTransaction).ToLookup(r => r.Event, r => r.Handler);

    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default) where TEvent : notnull
    {
        foreach (var handlerType in _handlers[typeof(TEvent)])
        {
            // Each handler gets its own scope, so one handler's DbContext or failure cannot leak into the next.
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await ((IEventHandler<TEvent>)scope.ServiceProvider.GetRequiredService(handlerType)).HandleAsync(@event, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(ex, "{Handler} failed on {Event}", handlerType.Name, typeof(TEvent).Name);
            }
        }
    }

    public async Task PublishInTransactionAsync<TEvent>(TEvent @event, AppDbContext db, CancellationToken ct = default) where TEvent : notnull
    {
        foreach (var handlerType in _inTransaction[typeof(TEvent)])
        {
            await using var scope = scopes.CreateAsyncScope();
            await ((IInTransactionEventHandler<TEvent>)scope.ServiceProvider.GetRequiredService(handlerType)).HandleAsync(@event, db, ct);
        }
    }
}
