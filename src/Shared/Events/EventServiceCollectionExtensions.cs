namespace Shared.Events;

/// <summary>Explicit event handler registration (no assembly scanning).</summary>
public static class EventServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> for <typeparamref name="TEvent"/>; handlers run in registration order.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddTransient<THandler>();
        services.AddSingleton(new EventHandlerRegistration(typeof(TEvent), typeof(THandler)));
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> to run inside the publisher's transaction (<see cref="IInTransactionEventHandler{TEvent}"/>).</summary>
    public static IServiceCollection AddInTransactionEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IInTransactionEventHandler<TEvent>
    {
        services.AddTransient<THandler>();
        services.AddSingleton(new EventHandlerRegistration(typeof(TEvent), typeof(THandler), InTransaction: true));
        return services;
    }
}

/// <summary>Which handler type handles which event type.</summary>
internal sealed record EventHandlerRegistration(Type Event, Type Handler, bool InTransaction = false);
