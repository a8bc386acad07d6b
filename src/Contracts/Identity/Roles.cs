namespace Contracts.Identity;

/// <summary>
/// The workspace roles (ASP.NET Core role names held in the sign-in cookie and token). Code checks what a role may do
/// through <see cref="Permissions"/>, not the role names, so a new role changes one table (docs/security.md, "Roles").
/// </summary>
public static class Roles
{
    /// <summary>Runs the workspace: members, shared keys, business numbers, training, the Upwork account it shares.</summary>
    public const string Admin = "Admin";

    /// <summary>Approves and sends letters, reassigns claimed jobs, sees the whole team; can also do what a bidder does.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Finds jobs, claims them, drafts letters and sends them for review (or submits when no review is required).</summary>
    public const string Bidder = "Bidder";

    /// <summary>Reads dashboards and jobs; changes nothing but their own account.</summary>
    public const string Viewer = "Viewer";

    /// <summary>
    /// The role every non-admin account had before agency roles: kept as a bidder whose letters need no review, so an
    /// upgraded workspace behaves as before. New accounts get <see cref="Bidder"/>.
    /// </summary>
    public const string Member = "Member";

    /// <summary>The roles an admin can give, most powerful first (the Members page's list and the admin API's accepted values).</summary>
    public static readonly IReadOnlyList<string> Assignable = [Admin, Reviewer, Bidder, Viewer];

    /// <summary>The role a principal acts as (the most powerful it holds; <see cref="Member"/> reads as <see cref="Bidder"/>), or null.</summary>
    public static string? Of(System.Security.Claims.ClaimsPrincipal user)
    {
        foreach (var role in Assignable)
            if (user.IsInRole(role)) return role;
        return user.IsInRole(Member) ? Bidder : null;
    }
}
