using Modules.Identity.Data;

namespace Modules.Identity.Features.ShowAuditLog;

/// <summary>Security events, newest first, the limit applied by the database: each user sees their own; the admin sees everyone's.</summary>
internal sealed class ListAuditEvents(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<AuditRow>> ForUserAsync(Guid userId, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEvents().AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new AuditRow(e.Id, null, e.Kind, e.Detail, e.IpAddress, e.CreatedAt, e.Count, e.LastAt)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AuditRow>> ForWorkspaceAsync(int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from e in db.AuditEvents().AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take)
                      join u in db.Users on e.UserId equals u.Id into owners
                      from u in owners.DefaultIfEmpty()
                      orderby e.CreatedAt descending, e.Id descending
                      select new AuditRow(e.Id, u != null ? u.Email : null, e.Kind, e.Detail, e.IpAddress, e.CreatedAt, e.Count, e.LastAt)).ToListAsync(ct);
    }
}

/// <summary>One row of the log; <paramref name="Count"/> repeats collapsed onto it, the last at <paramref name="LastAt"/>.</summary>
internal sealed record AuditRow(Guid Id, string? Email, string Kind, string? Detail, string? IpAddress, DateTimeOffset CreatedAt, int Count, DateTimeOffset LastAt);
