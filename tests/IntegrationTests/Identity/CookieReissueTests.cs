using Modules.Identity.Auth;
using Microsoft.Extensions.DependencyInjection;
using Modules.Identity.Features.ManageSessions;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 (Also): every 30 minutes Identity re-validates the security stamp and re-issues the browser cookie from a
/// fresh principal. That must neither sign people out (the fresh principal lacked the session claim, so the session
/// check refused it) nor let the re-issued cookie escape a later revocation. The app's clock is moved, never waited for.
/// </summary>
public sealed class CookieReissueTests
{
    [Fact]
    public async Task After_the_30_minute_reissue_the_browser_stays_signed_in_and_revoking_its_session_still_signs_it_out()
    {
        var clock = new SettableClock();
        var start = DateTimeOffset.UtcNow;
        clock.Set(start);
        await using var app = new AppFactory(DatabaseKind.Sqlite, services: s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var user = await app.CreateSignedInClientAsync();
        var browser = app.CreateClient();
        (await AccountForms.SignInAsync(browser, user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.OK);

        clock.Set(start.AddMinutes(31));   // past Identity's 30-minute validation interval
        var reissuing = await browser.GetAsync("/api/v1/auth/profile");
        var afterwards = await browser.GetAsync("/api/v1/auth/profile");

        reissuing.StatusCode.ShouldBe(HttpStatusCode.OK, "the stamp check must not sign the browser out");
        reissuing.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue();
        cookies!.ShouldContain(c => c.StartsWith("ua-auth=", StringComparison.Ordinal) && !c.StartsWith("ua-auth=;", StringComparison.Ordinal),
            "the cookie was re-issued (the case under test)");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.OK, "the re-issued cookie works");

        // The re-issued cookie still belongs to its session: signing that device out ends it.
        var sessions = await user.Http.GetEnvelopeAsync("/api/v1/auth/sessions");
        var browserSession = sessions.Data.As<IReadOnlyList<Session>>().Single(s => s.Kind == "browser").Id;
        (await app.Services.GetRequiredService<RevokeSession>().RunAsync(user.UserId, browserSession, null, CancellationToken.None)).ShouldBeTrue();

        (await browser.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/settings")).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/login");
    }
}
