namespace Contracts.Identity;

/// <summary>Who the workspace's members are, by name, for views that list them (the admin's team analytics).</summary>
public interface IMemberDirectory
{
    /// <summary>A display name for each of <paramref name="userIds"/> that exists: the full name, or the e-mail address without one.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);

    /// <summary>The account with <paramref name="email"/> (case-insensitive), or null when there is none.</summary>
    Task<Guid?> FindByEmailAsync(string email, CancellationToken ct);

    /// <summary>The workspace's admins, oldest account first (operator commands act for the first one by default).</summary>
    Task<IReadOnlyList<Guid>> AdminsAsync(CancellationToken ct);

    /// <summary>Every member of the workspace with a display name, for pickers (an admin sharing their Upwork connection).</summary>
    Task<IReadOnlyDictionary<Guid, string>> AllAsync(CancellationToken ct);

    /// <summary>
    /// The role <paramref name="userId"/> acts as (one of <see cref="Roles.Assignable"/>; the legacy <see cref="Roles.Member"/>
    /// reads as <see cref="Roles.Bidder"/>, as <see cref="Roles.Of"/> reads a principal), or null for no such account.
    /// </summary>
    Task<string?> RoleAsync(Guid userId, CancellationToken ct);
}
