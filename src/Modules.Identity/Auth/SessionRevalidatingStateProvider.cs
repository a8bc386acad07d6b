using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Modules.Identity.Auth;

/// <summary>
/// Open Blazor circuits re-check their session every minute (the template default is 30): revoking a session or
/// deactivating the account closes the circuit's signed-in state within a minute.
/// </summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory logs, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (CurrentUser.Id(state.User) is not { } userId || CurrentUser.SessionId(state.User) is not { } sessionId) return false;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Sessions>().IsActiveAsync(sessionId, userId, ct);
    }
}
