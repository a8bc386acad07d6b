using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>Writes security events. Details never carry secrets (passwords, tokens, keys).</summary>
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

    public void Add(AppDbContext db, Guid? userId, string kind, string? detail, HttpContext? http) =>
        db.AuditEvents().Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Kind = kind,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            CreatedAt = time.GetUtcNow(),
        });
}
