using System.Security.Claims;

namespace Shared.Api;

/// <summary>The signed-in user's id from the principal (cookie or bearer), for any module's endpoints and pages.</summary>
public static class UserIds
{
    /// <summary>The user id, or null for an anonymous principal.</summary>
    public static Guid? Find(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var id) ? id : null;

    /// <summary>The user id of an endpoint that requires authorization.</summary>
    public static Guid Require(HttpContext http) =>
        Find(http.User) ?? throw new InvalidOperationException("This endpoint must require authorization.");
}
