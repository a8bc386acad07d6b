using Microsoft.AspNetCore.Identity;

namespace Shared.Data;

/// <summary>
/// The account, as ASP.NET Core Identity's stores need it plus the <c>users</c> columns of docs/specification.md §4.
/// The one business type Shared knows; other modules read users through Contracts.Identity only.
/// </summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; set; }

    /// <summary>Family name.</summary>
    public string? LastName { get; set; }

    /// <summary>The linked Upwork user id, once an Upwork account is connected.</summary>
    public string? UpworkUserId { get; set; }

    /// <summary>Plan name: <c>free</c>, <c>pro</c> or <c>agency</c>.</summary>
    public string SubscriptionPlan { get; set; } = "free";

    /// <summary>AI generations used in the current period.</summary>
    public int ApiUsageCount { get; set; }

    /// <summary>AI generations allowed per period (5 by default: docs/specification.md §4).</summary>
    public int ApiUsageLimit { get; set; } = 5;

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the account last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the user last signed in.</summary>
    public DateTimeOffset? LastLogin { get; set; }

    /// <summary>Inactive accounts cannot sign in.</summary>
    public bool IsActive { get; set; } = true;
}
