using Microsoft.AspNetCore.SignalR;

namespace Shared.Live;

/// <summary>What modules call to push an event to external hub clients.</summary>
public sealed class HubNotifier(IHubContext<NotificationsHub> hub)
{
    /// <summary>Sends <paramref name="eventName"/> to every connection of one user, on every instance.</summary>
    public Task SendToUserAsync(Guid userId, string eventName, object payload, CancellationToken ct = default) =>
        hub.Clients.Group(NotificationsHub.UserGroup(userId)).SendAsync(eventName, payload, ct);

    /// <summary>Sends <paramref name="eventName"/> to every connection, on every instance.</summary>
    public Task BroadcastAsync(string eventName, object payload, CancellationToken ct = default) =>
        hub.Clients.All.SendAsync(eventName, payload, ct);
}
