namespace Modules.Identity.Data;

internal static class IdentityDb
{
    public static DbSet<Session> Sessions(this AppDbContext db) => db.Set<Session>();
    public static DbSet<RefreshToken> RefreshTokens(this AppDbContext db) => db.Set<RefreshToken>();
    public static DbSet<AuditEvent> AuditEvents(this AppDbContext db) => db.Set<AuditEvent>();
}
