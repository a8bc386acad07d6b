using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Modules.Identity.Auth;

/// <summary>
/// Open Blazor circuits re-check their session every minute (the template default is 30): revoking a session or
/// deactivating the account closes the circuit's signed-in state within a minute.
/// </summary>
internal sealed class SessionRevalidatingStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IDisposable _subscription;

    public SessionRevalidatingStateProvider(ILoggerFactory logs, IServiceScopeFactory scopes, Shared.Live.LiveUpdates live) : base(logs)
    {
        _scopes = scopes;
        // A revocation anywhere (another tab, the API, an admin, another instance) signs this circuit out at once.
        _subscription = live.Subscribe(Sessions.RevokedTopic, OnSessionRevokedAsync);
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private async Task OnSessionRevokedAsync(Shared.Live.LiveEvent e)
    {
        var state = await GetAuthenticationStateAsync();
        if (SessionClaims.SessionId(state.User) is { } sessionId && e.Read<Guid>() == sessionId)
            NotifyAuthenticationStateChanged(Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _subscription.Dispose();
        base.Dispose(disposing);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (UserIds.Find(state.User) is not { } userId || SessionClaims.SessionId(state.User) is not { } sessionId) return false;
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Sessions>().IsActiveAsync(sessionId, userId, ct);
    }
}
