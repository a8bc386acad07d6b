using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Shared.Api;

/// <summary>
/// The signed-in user of this circuit or request, for components and pages (scoped). One place instead of a cascading
/// <c>Task&lt;AuthenticationState&gt;</c> parameter and an id lookup in every page; endpoints keep using
/// <see cref="UserIds"/> on <c>HttpContext.User</c>.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization)
{
    /// <summary>The principal (anonymous when nobody is signed in).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The user id, or null when nobody is signed in (components shown to anonymous visitors).</summary>
    public async Task<Guid?> FindIdAsync() => UserIds.Find(await PrincipalAsync());

    /// <summary>The user id of a page behind <c>[Authorize]</c>; <see cref="Guid.Empty"/> only if that was forgotten.</summary>
    public async Task<Guid> IdAsync() => await FindIdAsync() ?? Guid.Empty;

    /// <summary>True when the signed-in user holds <paramref name="role"/> (see <c>Contracts.Identity.Roles</c>).</summary>
    public async Task<bool> IsInRoleAsync(string role) => (await PrincipalAsync()).IsInRole(role);

    /// <summary>
    /// True when the signed-in user passes the authorization policy <paramref name="policy"/> (a
    /// <c>Contracts.Identity.Permissions</c> name): what every component action checks before it changes anything,
    /// since a component calls its handler directly and no endpoint policy runs.
    /// </summary>
    public async Task<bool> CanAsync(string policy) => (await authorization.AuthorizeAsync(await PrincipalAsync(), null, policy)).Succeeded;
}
