using Contracts.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.ShowAuditLog;

/// <summary><see cref="IAuditTrail"/> over the Identity audit log (with the request's address when there is one).</summary>
internal sealed class AuditTrail(IDbContextFactory<AppDbContext> contexts, AuditLog audit, IHttpContextAccessor accessor) : IAuditTrail
{
    public async Task RecordAsync(Guid userId, string kind, string? detail, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        audit.Add(db, userId, kind, detail is { Length: > 500 } ? detail[..500] : detail, accessor.HttpContext);
        await db.SaveChangesAsync(ct);
    }
}
