using Contracts.Identity;

namespace Modules.Identity.Features.Admin;

/// <summary>The module's side of <see cref="IMemberDirectory"/>.</summary>
internal sealed class MemberDirectory(IDbContextFactory<AppDbContext> contexts) : IMemberDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return new Dictionary<Guid, string>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => $"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } name ? name : u.Email ?? u.Id.ToString("N")[..8]);
    }
}
