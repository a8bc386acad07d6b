using System.Security.Claims;

namespace Modules.Identity.Auth;

internal static class CurrentUser
{
    /// <summary>The signed-in user's id (cookie or bearer token), or null.</summary>
    public static Guid? Id(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The session the principal belongs to, or null.</summary>
    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(AuthClaims.SessionId), out var id) ? id : null;
}
