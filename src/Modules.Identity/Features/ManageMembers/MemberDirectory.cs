using Contracts.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.ManageMembers;

/// <summary>The module's side of <see cref="IMemberDirectory"/>.</summary>
internal sealed class MemberDirectory(IDbContextFactory<AppDbContext> contexts) : IMemberDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return new Dictionary<Guid, string>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => Name(u.FirstName, u.LastName, u.Email, u.Id));
    }

    public async Task<Guid?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> AdminsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var admins = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Admin
                            select new { u.Id, u.CreatedAt }).ToListAsync(ct);
        return admins.OrderBy(a => a.CreatedAt).Select(a => a.Id).ToList();   // ordered here: SQLite cannot order by DateTimeOffset
    }

    public async Task<IReadOnlyDictionary<Guid, string>> AllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).Take(10_000).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => Name(u.FirstName, u.LastName, u.Email, u.Id));
    }

    public async Task<string?> RoleAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == userId
                          select r.Name).ToListAsync(ct);
        foreach (var role in Roles.Assignable)
            if (held.Contains(role)) return role;
        return held.Contains(Roles.Member) ? Roles.Bidder : null;
    }

    private static string Name(string? first, string? last, string? email, Guid id) =>
        $"{first} {last}".Trim() is { Length: > 0 } name ? name : email ?? id.ToString("N")[..8];
}
