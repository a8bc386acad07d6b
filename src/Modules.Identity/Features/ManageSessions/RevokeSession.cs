using Modules.Identity.Auth;

namespace Modules.Identity.Features.ManageSessions;

/// <summary>
/// Signs one of the user's devices out, from the Settings page or <c>DELETE /api/v1/auth/sessions/{id}</c> alike:
/// revokes the session, writes the <c>session_revoked</c> security event, and tells open pages of that session (on
/// every instance) to sign out. Someone else's session id answers exactly like a missing one.
/// </summary>
internal sealed class RevokeSession(IDbContextFactory<AppDbContext> contexts, Sessions sessions, AuditLog audit)
{
    /// <summary>False when the user has no such active session.</summary>
    public async Task<bool> RunAsync(Guid userId, Guid sessionId, HttpContext? http, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (!await sessions.RevokeAsync(db, userId, sessionId, "revoked by user", ct)) return false;
            audit.Add(db, userId, AuditLog.SessionRevoked, $"session {sessionId}", http);
            await db.SaveChangesAsync(ct);
        }
        await sessions.ForgetAsync(userId, sessionId, ct);
        return true;
    }
}
