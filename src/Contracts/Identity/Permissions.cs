using System.Security.Claims;

namespace Contracts.Identity;

/// <summary>
/// What each role may do, as ASP.NET Core authorization policy names (registered by the Identity module). REST routes
/// use <c>RequireAuthorization(Permissions.X)</c>, pages <c>[Authorize(Policy = Permissions.X)]</c>, component actions
/// and any other entry point (an MCP tool) <see cref="Allows"/> on the caller's principal: one table for all of them.
/// </summary>
public static class Permissions
{
    /// <summary>Read jobs, own proposals and dashboards; manage one's own account. Every role.</summary>
    public const string Read = "perm:read";

    /// <summary>Change bidding data: claim jobs, draft and generate letters, track and submit proposals, templates, profiles, searches.</summary>
    public const string Draft = "perm:draft";

    /// <summary>Approve, edit or return letters in the review queue; reassign claimed jobs.</summary>
    public const string Review = "perm:review";

    /// <summary>Read the whole team's numbers (the Analytics team view).</summary>
    public const string TeamRead = "perm:team-read";

    /// <summary>Run the workspace: members and roles, sharing, business numbers, system status.</summary>
    public const string Admin = "perm:admin";

    /// <summary>Every permission, for registering the policies.</summary>
    public static readonly IReadOnlyList<string> All = [Read, Draft, Review, TeamRead, Admin];

    /// <summary>The roles that hold <paramref name="permission"/>.</summary>
    public static IReadOnlyList<string> RolesFor(string permission) => permission switch
    {
        Read => [Roles.Admin, Roles.Reviewer, Roles.Bidder, Roles.Member, Roles.Viewer],
        Draft => [Roles.Admin, Roles.Reviewer, Roles.Bidder, Roles.Member],
        Review => [Roles.Admin, Roles.Reviewer],
        TeamRead => [Roles.Admin, Roles.Reviewer, Roles.Viewer],
        Admin => [Roles.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown permission"),
    };

    /// <summary>True when <paramref name="user"/> holds a role with <paramref name="permission"/>.</summary>
    public static bool Allows(this ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && RolesFor(permission).Any(user.IsInRole);
}
