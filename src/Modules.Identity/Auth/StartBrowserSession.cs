using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>
/// The one way a browser becomes signed in: a browser session row (saved in the caller's context, so it commits with
/// whatever the caller added there, e.g. a new account or an audit line) and the cookie carrying its id. Sign-in with a
/// password or a code, registration and sign-in with Upwork all end here.
/// </summary>
internal sealed class StartBrowserSession(Sessions sessions, SignInManager<AppUser> signIn, IOptions<AuthOptions> options)
{
    /// <summary>Starts the session, saves <paramref name="db"/>, then sets the cookie; returns the new session.</summary>
    public async Task<Session> RunAsync(AppDbContext db, AppUser user, bool persistent, HttpContext http)
    {
        var session = sessions.Start(db, user.Id, SessionKinds.Browser, http, TimeSpan.FromDays(options.Value.BrowserSessionDays));
        await db.SaveChangesAsync(http.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, persistent, [new Claim(AuthClaims.SessionId, session.Id.ToString())]);
        return session;
    }
}
