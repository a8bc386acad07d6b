using Microsoft.AspNetCore.SignalR;

namespace Shared.Live;

/// <summary>
/// The SignalR hub for external (non-Blazor) clients at <c>/hubs/notifications</c>. Clients receive the events of
/// docs/specification.md §2 (<c>new_job</c>, <c>job_updated</c>, <c>proposal_status</c>, <c>ai_progress</c>, <c>ai_complete</c>);
/// clients must be signed in (a bearer token, sent as <c>access_token</c> on the query string for WebSockets) and
/// join their own user group automatically. With Redis configured the backplane carries messages sent on any instance.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class NotificationsHub : Hub
{
    /// <summary>The hub's route.</summary>
    public const string Route = "/hubs/notifications";

    /// <summary>The group of one user's connections.</summary>
    public static string UserGroup(Guid userId) => $"user:{userId:N}";

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.UserIdentifier, out var userId))
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        await base.OnConnectedAsync();
    }
}
