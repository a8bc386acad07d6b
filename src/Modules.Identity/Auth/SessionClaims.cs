using System.Security.Claims;

namespace Modules.Identity.Auth;

internal static class SessionClaims
{
    /// <summary>The session the principal belongs to, or null.</summary>
    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(AuthClaims.SessionId), out var id) ? id : null;
}
