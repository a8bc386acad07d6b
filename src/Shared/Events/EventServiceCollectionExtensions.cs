namespace Shared.Events;

/// <summary>Explicit event handler registration (no assembly scanning).</summary>
public static class EventServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> for <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent> =>
        services.AddTransient<IEventHandler<TEvent>, THandler>();
}
