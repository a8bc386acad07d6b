using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Modules.Identity.Data;

namespace Modules.Identity.Auth;

/// <summary>
/// "Remember this device" for two-factor sign-in: a signed, expiring cookie naming the user, the browser session
/// the code was entered for, and when two-factor was turned on. The next sign-in in that browser skips the code
/// while all three still hold: turning two-factor off (or on again) changes the date, and revoking that device's
/// session (from another device, "sign out everywhere", a password reset or deactivation) ends it. Signing out
/// normally does not. Each remembered sign-in moves the cookie to the new session, keeping its original expiry.
/// </summary>
internal sealed class TrustedDevice(IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "ua.mfa-device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>Sets the cookie after a successful second factor (or a remembered sign-in, keeping <paramref name="expires"/>).</summary>
    public async Task RememberAsync(HttpContext http, Guid userId, Guid sessionId, DateTimeOffset? expires, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enabledAt = await db.MfaSecrets().AsNoTracking().Where(m => m.UserId == userId && m.EnabledAt != null).Select(m => m.EnabledAt).FirstOrDefaultAsync(ct);
        if (enabledAt is null) return;
        var until = expires ?? time.GetUtcNow() + Lifetime;
        var payload = $"{userId:N}|{sessionId:N}|{enabledAt.Value.UtcTicks}";
        http.Response.Cookies.Append(CookieName, Protector().Protect(payload, until), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/account", Expires = until, IsEssential = true,
        });
    }

    /// <summary>Whether this browser may skip the code for <paramref name="userId"/>; returns the cookie's expiry when it may.</summary>
    public async Task<DateTimeOffset?> CheckAsync(HttpContext http, Guid userId, CancellationToken ct)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie) return null;
        string payload;
        DateTimeOffset expires;
        try
        {
            payload = Protector().Unprotect(cookie, out expires);
        }
        catch (CryptographicException)
        {
            return null;   // tampered, expired or from another key ring
        }
        var parts = payload.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var user) || user != userId
            || !Guid.TryParseExact(parts[1], "N", out var sessionId) || !long.TryParse(parts[2], out var enabledTicks)) return null;

        await using var db = await contexts.CreateDbContextAsync(ct);
        var enabledAt = await db.MfaSecrets().AsNoTracking().Where(m => m.UserId == userId && m.EnabledAt != null).Select(m => m.EnabledAt).FirstOrDefaultAsync(ct);
        if (enabledAt?.UtcTicks != enabledTicks) return null;
        var session = await db.Sessions().AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.RevokedAt, s.RevokedReason }).FirstOrDefaultAsync(ct);
        if (session is null) return null;
        return session.RevokedAt is null || session.RevokedReason == SignedOutReason ? expires : null;
    }

    public static void Forget(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });

    /// <summary>The revocation reason of an ordinary sign-out, which keeps the device remembered.</summary>
    public const string SignedOutReason = "signed out";

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("Identity.TrustedDevice.v1").ToTimeLimitedDataProtector();
}
