using System.Net.Http.Headers;

namespace IntegrationTests.Host;

/// <summary>
/// Issue 17 (low): a page on another site makes the signed-in browser post to the REST API (an auto-submitted form:
/// form encoding, a foreign Origin, the sign-in cookie attached). State-changing cookie calls must prove they come
/// from a script of this app (X-Requested-With or an antiforgery token); bearer calls are unaffected.
/// </summary>
public sealed class CookieCsrfTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task A_cross_site_form_post_with_the_sign_in_cookie_is_refused_in_the_envelope_and_changes_nothing()
    {
        var user = await App.CreateSignedInClientAsync();
        var browser = await SignedInBrowserAsync(user);

        var startMfa = await Envelope.ReadAsync(await browser.SendAsync(CrossSiteForm("/api/v1/identity/mfa/setup")));
        var signOut = await Envelope.ReadAsync(await browser.SendAsync(CrossSiteForm("/api/v1/auth/logout")));
        using var delete = CrossSiteForm($"/api/v1/auth/sessions/{Guid.NewGuid()}");
        delete.Method = HttpMethod.Delete;
        var revoke = await Envelope.ReadAsync(await browser.SendAsync(delete));

        foreach (var refused in new[] { startMfa, signOut, revoke })
        {
            refused.Status.ShouldBe(HttpStatusCode.Forbidden);
            refused.Success.ShouldBeFalse();
            refused.Message.ShouldContain("X-Requested-With");
        }
        (await browser.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.OK, "the forged sign-out did not happen");
    }

    [Fact]
    public async Task The_same_cookie_call_with_x_requested_with_goes_through_and_bearer_calls_need_nothing_extra()
    {
        var user = await App.CreateSignedInClientAsync();
        var browser = await SignedInBrowserAsync(user);

        var bearer = await user.Http.PostAsync("/api/v1/identity/mfa/setup", null);
        using var scripted = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        scripted.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var signOut = await browser.SendAsync(scripted);
        var anonymous = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        bearer.StatusCode.ShouldBe(HttpStatusCode.OK);
        signOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "signed out for real");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK, "no cookie, no proof needed");
    }

    private async Task<HttpClient> SignedInBrowserAsync(SignedInClient user)
    {
        var browser = App.CreateClient();
        (await AccountForms.SignInAsync(browser, user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie signs the browser in");
        return browser;
    }

    private static HttpRequestMessage CrossSiteForm(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("x", "1")]) };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Referrer = new Uri("https://evil.example/prize");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return request;
    }
}
