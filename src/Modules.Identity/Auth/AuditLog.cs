using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>
/// Writes security events. Details never carry secrets (passwords, tokens, keys). Noisy events that anyone can cause
/// without an account (failed sign-ins, attempts on a locked account) are collapsed: a repeat of the same kind, detail
/// and user within <see cref="CollapseWindow"/> of the row's first occurrence adds to that row's count instead of
/// inserting a row, so a flood of attempts costs a handful of rows. Old rows are purged by <c>PurgeAuditEventsJob</c>.
/// </summary>
internal sealed class AuditLog(TimeProvider time)
{
    public const string SignedIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SignedOut = "sign_out";
    public const string Registered = "registered";
    public const string SessionRevoked = "session_revoked";
    public const string RefreshReuse = "refresh_token_reuse";
    public const string ProfileUpdated = "profile_updated";

    /// <summary>Repeats within this time of a row's first occurrence are counted on it.</summary>
    public static readonly TimeSpan CollapseWindow = TimeSpan.FromMinutes(15);

    /// <summary>The kinds an anonymous caller can repeat at will: collapsed. Every other event keeps a row of its own.</summary>
    private static readonly HashSet<string> Collapsible = [SignInFailed, LockedOut];

    public void Add(AppDbContext db, Guid? userId, string kind, string? detail, HttpContext? http)
    {
        var now = time.GetUtcNow();
        detail = detail is { Length: > 500 } ? detail[..500] : detail;
        if (Collapsible.Contains(kind) && LatestRepeat(db, userId, kind, detail, now - CollapseWindow) is { } repeat)
        {
            repeat.Count++;
            repeat.LastAt = now;
            return;
        }
        db.AuditEvents().Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Kind = kind,
            Detail = detail,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            CreatedAt = now,
            LastAt = now,
        });
    }

    // A row added on this context but not saved yet counts too. Callers are in the middle of their own work on the
    // context (they save it): the look-up is synchronous to keep Add's shape.
    private static AuditEvent? LatestRepeat(AppDbContext db, Guid? userId, string kind, string? detail, DateTimeOffset since) =>
        db.AuditEvents().Local.Where(e => e.Kind == kind && e.UserId == userId && e.Detail == detail && e.CreatedAt >= since).MaxBy(e => e.CreatedAt)
        ?? db.AuditEvents().Where(e => e.Kind == kind && e.UserId == userId && e.Detail == detail && e.CreatedAt >= since)
            .OrderByDescending(e => e.CreatedAt).FirstOrDefault();
}
