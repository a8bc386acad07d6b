using Modules.Identity.Data;

namespace Modules.Identity.Features.Audit;

/// <summary>Security events: each user sees their own; the admin sees everyone's.</summary>
internal sealed class ListAuditEvents(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<AuditRow>> ForUserAsync(Guid userId, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.AuditEvents().AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new AuditRow(e.Id, null, e.Kind, e.Detail, e.IpAddress, e.CreatedAt)).ToListAsync(ct);
        return rows.OrderByDescending(e => e.CreatedAt).Take(take).ToList();
    }

    public async Task<IReadOnlyList<AuditRow>> ForWorkspaceAsync(int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (from e in db.AuditEvents().AsNoTracking()
                          join u in db.Users on e.UserId equals u.Id into owners
                          from u in owners.DefaultIfEmpty()
                          select new AuditRow(e.Id, u != null ? u.Email : null, e.Kind, e.Detail, e.IpAddress, e.CreatedAt)).ToListAsync(ct);
        return rows.OrderByDescending(e => e.CreatedAt).Take(take).ToList();
    }
}

internal sealed record AuditRow(Guid Id, string? Email, string Kind, string? Detail, string? IpAddress, DateTimeOffset CreatedAt);
