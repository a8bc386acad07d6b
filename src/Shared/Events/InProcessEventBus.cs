namespace Shared.Events;

internal sealed class InProcessEventBus(IServiceScopeFactory scopes, ILogger<InProcessEventBus> log) : IEventBus
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default) where TEvent : notnull
    {
        List<Type> handlerTypes;
        await using (var probe = scopes.CreateAsyncScope())
            handlerTypes = probe.ServiceProvider.GetServices<IEventHandler<TEvent>>().Select(h => h.GetType()).ToList();

        for (var i = 0; i < handlerTypes.Count; i++)
        {
            // Each handler gets its own scope, so one handler's DbContext or failure cannot leak into the next.
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IEventHandler<TEvent>>().ElementAt(i);
            try
            {
                await handler.HandleAsync(@event, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(ex, "{Handler} failed on {Event}", handlerTypes[i].Name, typeof(TEvent).Name);
            }
        }
    }
}
