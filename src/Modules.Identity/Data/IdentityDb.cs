namespace Modules.Identity.Data;

internal static class IdentityDb
{
    public static DbSet<Session> Sessions(this AppDbContext db) => db.Set<Session>();
    public static DbSet<RefreshToken> RefreshTokens(this AppDbContext db) => db.Set<RefreshToken>();
    public static DbSet<AuditEvent> AuditEvents(this AppDbContext db) => db.Set<AuditEvent>();
    public static DbSet<UsageCounter> UsageCounters(this AppDbContext db) => db.Set<UsageCounter>();
    public static DbSet<StoredApiKey> ApiKeys(this AppDbContext db) => db.Set<StoredApiKey>();
    public static DbSet<ProfileEntity> Profiles(this AppDbContext db) => db.Set<ProfileEntity>();
    public static DbSet<MfaSecret> MfaSecrets(this AppDbContext db) => db.Set<MfaSecret>();
    public static DbSet<Invitation> Invitations(this AppDbContext db) => db.Set<Invitation>();
    public static DbSet<WorkspaceSetting> WorkspaceSettings(this AppDbContext db) => db.Set<WorkspaceSetting>();
    public static DbSet<QueuedMail> MailOutbox(this AppDbContext db) => db.Set<QueuedMail>();
    public static DbSet<PersonalAccessToken> PersonalAccessTokens(this AppDbContext db) => db.Set<PersonalAccessToken>();
}
