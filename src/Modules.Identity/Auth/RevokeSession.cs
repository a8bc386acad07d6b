using Modules.Identity.Features.ManageSessions;

namespace Modules.Identity.Auth;

/// <summary>
/// Ends one of the user's sessions, for every path that does: the Settings page and
/// <c>DELETE /api/v1/auth/sessions/{id}</c> (another device, <see cref="SessionEnding.Revoked"/>), and signing out
/// through the API or the browser's form (this device, <see cref="SessionEnding.SignedOut"/>). It revokes the session,
/// writes the security event, and tells open pages of that session (on every instance) to sign out. Someone else's
/// session id answers exactly like a missing one.
/// </summary>
internal sealed class RevokeSession(IDbContextFactory<AppDbContext> contexts, Sessions sessions, AuditLog audit)
{
    /// <summary>Signs another device out; false when the user has no such active session.</summary>
    public Task<bool> RunAsync(Guid userId, Guid sessionId, HttpContext? http, CancellationToken ct) =>
        RunAsync(userId, sessionId, SessionEnding.Revoked, http, ct);

    /// <summary>
    /// Signs the user out everywhere: every session (this device's too) and every personal access token, one security
    /// event, and every open page of theirs, on every instance, told to sign out. Returns how many sessions ended.
    /// </summary>
    public async Task<int> EverywhereAsync(Guid userId, HttpContext? http, CancellationToken ct)
    {
        IReadOnlyList<Guid> ended;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            ended = await sessions.RevokeAllAsync(db, userId, "signed out everywhere", ct);
            audit.Add(db, userId, AuditLog.SessionRevoked, "every session and access token (signed out everywhere)", http);
            await db.SaveChangesAsync(ct);
        }
        foreach (var id in ended) await sessions.ForgetAsync(userId, id, ct);
        return ended.Count;
    }

    /// <summary>False when the user has no such active session.</summary>
    public async Task<bool> RunAsync(Guid userId, Guid sessionId, SessionEnding ending, HttpContext? http, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var (reason, kind, detail) = ending switch
            {
                SessionEnding.Revoked => ("revoked by user", AuditLog.SessionRevoked, $"session {sessionId}"),
                _ => ("signed out", AuditLog.SignedOut, (string?)null),
            };
            if (!await sessions.RevokeAsync(db, userId, sessionId, reason, ct)) return false;
            audit.Add(db, userId, kind, detail, http);
            await db.SaveChangesAsync(ct);
        }
        // A browser signing itself out is already on its way to the sign-in page; a forced reload would race that redirect.
        await sessions.ForgetAsync(userId, sessionId, ct, signOutOpenPages: ending != SessionEnding.SignedOutInBrowser);
        return true;
    }
}

/// <summary>Why a session ends: its security event and whether its open pages are told to sign out.</summary>
internal enum SessionEnding
{
    /// <summary>The user signed another device out.</summary>
    Revoked,

    /// <summary>The session signed itself out through the API.</summary>
    SignedOut,

    /// <summary>The browser signed itself out with the sign-out form (its tab navigates by itself).</summary>
    SignedOutInBrowser,
}
