using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Features.SetUpTwoFactor;
using OtpNet;

namespace IntegrationTests.Identity;

/// <summary>The remember-this-device cookie for two-factor: what keeps it valid and what ends it (the browser journey is in BrowserTests).</summary>
public sealed class TrustedDeviceTests
{
    private static async Task<byte[]> EnableMfaAsync(SignedInClient user)
    {
        var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
        var secret = Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
        (await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = new Totp(secret).ComputeTotp(DateTime.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return secret;
    }

    private static async Task<string> RememberAsync(AppFactory app, Guid userId, Guid sessionId)
    {
        var http = new DefaultHttpContext();
        await app.Services.GetRequiredService<TrustedDevice>().RememberAsync(http, userId, sessionId, null, CancellationToken.None);
        var setCookie = http.Response.Headers.SetCookie.ToString();
        setCookie.ShouldStartWith(TrustedDevice.CookieName + "=");
        setCookie.ShouldContain("httponly", Case.Insensitive);
        return setCookie.Split(';')[0][(TrustedDevice.CookieName.Length + 1)..];
    }

    private static Task<DateTimeOffset?> CheckAsync(AppFactory app, Guid userId, string cookie)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{TrustedDevice.CookieName}={cookie}";
        return app.Services.GetRequiredService<TrustedDevice>().CheckAsync(http, userId, CancellationToken.None);
    }

    private static async Task<Guid> BrowserSessionAsync(AppFactory app, Guid userId)
    {
        await using var db = await app.CreateDbContextAsync();
        var session = app.Services.GetRequiredService<Sessions>().Start(db, userId, SessionKinds.Browser, null, TimeSpan.FromDays(14));
        await db.SaveChangesAsync();
        return session.Id;
    }

    [Fact]
    public async Task The_cookie_survives_signing_out_but_not_revoking_the_session_or_turning_two_factor_off()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var user = await app.CreateSignedInClientAsync();
        var other = await app.CreateSignedInClientAsync();
        var secret = await EnableMfaAsync(user);

        var signedOutSession = await BrowserSessionAsync(app, user.UserId);
        var kept = await RememberAsync(app, user.UserId, signedOutSession);
        var revokedSession = await BrowserSessionAsync(app, user.UserId);
        var revoked = await RememberAsync(app, user.UserId, revokedSession);
        await using (var db = await app.CreateDbContextAsync())
        {
            var sessions = app.Services.GetRequiredService<Sessions>();
            await sessions.RevokeAsync(db, user.UserId, signedOutSession, TrustedDevice.SignedOutReason, CancellationToken.None);
            await sessions.RevokeAsync(db, user.UserId, revokedSession, "revoked by user", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        (await CheckAsync(app, user.UserId, kept)).ShouldNotBeNull("an ordinary sign-out keeps the device remembered");
        (await CheckAsync(app, other.UserId, kept)).ShouldBeNull("the cookie names one user");
        (await CheckAsync(app, user.UserId, kept[..^2] + "xx")).ShouldBeNull("a tampered cookie");
        (await CheckAsync(app, user.UserId, revoked)).ShouldBeNull("revoking the device's session ends it");

        var off = await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/disable", new { code = new Totp(secret).ComputeTotp(DateTime.UtcNow.AddSeconds(30)) });
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CheckAsync(app, user.UserId, kept)).ShouldBeNull("turning two-factor off ends it");
        await EnableMfaAsync(user);
        (await CheckAsync(app, user.UserId, kept)).ShouldBeNull("and turning it on again does not bring it back");
    }
}
