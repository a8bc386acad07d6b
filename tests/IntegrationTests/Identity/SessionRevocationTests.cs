using Modules.Identity.Auth;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Identity.Features.ManageSessions;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 (Also): signing a device out from the Settings page left no security event while the API path wrote one.
/// Both now go through <see cref="RevokeSession"/>; SettingsJourneyTests clicks the page's button and reads the event.
/// </summary>
public sealed class SessionRevocationTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task Revoking_through_the_settings_pages_handler_and_through_the_api_both_sign_the_device_out_and_write_the_event()
    {
        var user = await App.CreateSignedInClientAsync();
        var byPage = await SecondDeviceAsync(user);
        var byApi = await SecondDeviceAsync(user);

        // What the Settings page's "Sign out" button calls (an interactive circuit: no HttpContext).
        var handler = App.Services.GetRequiredService<RevokeSession>();
        (await handler.RunAsync(user.UserId, byPage.SessionId, null, CancellationToken.None)).ShouldBeTrue();
        (await user.Http.DeleteAsync($"/api/v1/auth/sessions/{byApi.SessionId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await App.CreateSignedInClientAsync();
        (await handler.RunAsync(stranger.UserId, user.SessionIdOf(), null, CancellationToken.None)).ShouldBeFalse("not theirs");

        await using var db = await App.CreateDbContextAsync();
        var details = await db.Set<Modules.Identity.Data.AuditEvent>().Where(e => e.UserId == user.UserId && e.Kind == "session_revoked")
            .Select(e => e.Detail).ToListAsync();
        details.ShouldBe([$"session {byPage.SessionId}", $"session {byApi.SessionId}"], ignoreOrder: true);
        (await ProfileAsync(byPage.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ProfileAsync(byApi.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ProfileAsync(user.AccessToken)).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(Guid SessionId, string AccessToken)> SecondDeviceAsync(SignedInClient user)
    {
        var login = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
        var access = login.Data.As<Tokens>().AccessToken;
        return (SessionIdOf(access), access);
    }

    private async Task<HttpStatusCode> ProfileAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/profile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await App.CreateClient().SendAsync(request)).StatusCode;
    }

    internal static Guid SessionIdOf(string accessToken) =>
        Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken).GetClaim("ua_sid").Value);
}

internal static class SignedInClientSessions
{
    public static Guid SessionIdOf(this SignedInClient user) => SessionRevocationTests.SessionIdOf(user.AccessToken);
}
