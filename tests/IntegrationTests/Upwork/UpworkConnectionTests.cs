using System.Text.RegularExpressions;
using FakeUpwork;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Modules.Upwork.Data;

namespace IntegrationTests.Upwork;

/// <summary>Connecting an Upwork account through the real OAuth flow against the fake, token care, and sign-in with Upwork.</summary>
public sealed class UpworkConnectionTests(UpworkConnectionTests.Harness harness) : IClassFixture<UpworkConnectionTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Auth:OpenRegistration"] = "true" };
    }

    [Fact]
    public async Task Connecting_stores_the_upwork_account_with_tokens_encrypted_and_shows_it()
    {
        var user = await harness.App.CreateSignedInClientAsync();
        await harness.ConnectAsync(user);

        var view = await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        var connection = view.Data.As<ConnectionView>();
        connection.Connected.ShouldBeTrue();
        var account = connection.Account!;
        account.UpworkUserId.ShouldBe(FakeUpworkOptions.DefaultUserId);
        account.Nid.ShouldBe("foofreelancer");
        account.OrganizationId.ShouldBe(FakeUpworkOptions.DefaultPersonalOrgId);
        account.TokenHealth.ShouldBe("healthy");
        view.Root.GetRawText().ShouldNotContain("oauth2v2_");

        await using var db = await harness.App.CreateDbContextAsync();
        var row = await db.Set<UpworkConnection>().AsNoTracking().SingleAsync(c => c.UserId == user.UserId);
        var issued = harness.Fake.State.IssuedTokens.Where(t => t.Kind == FakeTokenKind.Access).Select(t => t.Token).ToList();
        issued.ShouldNotBeEmpty();
        foreach (var token in harness.Fake.State.IssuedTokens.Select(t => t.Token))
        {
            row.AccessToken.ShouldNotContain(token);
            (row.RefreshToken ?? "").ShouldNotContain(token);
        }
    }

    [Fact]
    public async Task A_callback_with_a_forged_or_foreign_state_is_refused_and_stores_nothing()
    {
        var user = await harness.App.CreateSignedInClientAsync();
        var browser = harness.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
        var start = await browser.GetAsync("/upwork/connect");
        using var upwork = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var callback = (await upwork.GetAsync(start.Headers.Location)).Headers.Location!;

        // Another browser (no nonce cookie) finishing this user's flow: the classic login-CSRF shape.
        var attacker = harness.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var other = await harness.App.CreateSignedInClientAsync();
        attacker.DefaultRequestHeaders.Authorization = new("Bearer", other.AccessToken);
        (await attacker.GetAsync(callback.PathAndQuery)).Headers.Location!.ToString().ShouldBe("/upwork/connection?error=state");

        // A tampered state in the right browser.
        var tampered = callback.PathAndQuery.Replace("state=", "state=x");
        (await browser.GetAsync(tampered)).Headers.Location!.ToString().ShouldBe("/upwork/connection?error=state");

        await using var db = await harness.App.CreateDbContextAsync();
        (await db.Set<UpworkConnection>().AnyAsync(c => c.UserId == user.UserId || c.UserId == other.UserId)).ShouldBeFalse();
    }

    /// <summary>Upwork's own codes come back as they are; anything else (issue 17: a crafted error text) as one generic code.</summary>
    [Theory]
    [InlineData("access_denied", "access_denied")]
    [InlineData("temporarily_unavailable", "temporarily_unavailable")]
    [InlineData("Call+support+at+evil.example", "oauth")]
    public async Task Denying_on_upwork_comes_back_as_a_clear_error(string error, string shown)
    {
        var user = await harness.App.CreateSignedInClientAsync();
        var browser = harness.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
        var start = await browser.GetAsync("/upwork/connect");
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"]!;
        var back = await browser.GetAsync($"/upwork/callback?error={error}&state={Uri.EscapeDataString(state)}");
        back.Headers.Location!.ToString().ShouldBe($"/upwork/connection?error={shown}");
    }

    /// <summary>Issue 17 (low): a crafted link cannot make our page say the attacker's words.</summary>
    [Theory]
    [InlineData("Call+support+at+evil.example", "evil.example")]
    [InlineData("%3Cb%3EYour+account+is+locked.+Call+%2B1-555-0100%3C%2Fb%3E", "555-0100")]
    public async Task The_connection_page_never_repeats_the_error_text_of_a_link(string injected, string marker)
    {
        var user = await harness.App.CreateSignedInClientAsync();

        var page = await user.Http.GetStringAsync($"/upwork/connection?error={injected}");

        // The page's text, as a reader sees it: the URL may sit in markup (a form's action, Blazor's markers), never in text.
        var shown = Regex.Replace(Regex.Replace(page, "<!--.*?-->|<script.*?</script>", "", RegexOptions.Singleline), "<[^>]*>", " ");
        var at = shown.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        at.ShouldBe(-1, at < 0 ? "" : shown.Substring(Math.Max(0, at - 300), 400));
        Regex.Match(page, "data-testid=\"upwork-error\".*?mud-alert-message\">(.*?)</div>", RegexOptions.Singleline)
            .Groups[1].Value.Trim().ShouldBe("The connection to Upwork did not complete. Please try again.");
        (await user.Http.GetStringAsync("/upwork/connection?error=access_denied")).ShouldContain("You declined the connection on Upwork.");
    }

    [Fact]
    public async Task The_upwork_freelancer_profile_is_imported_on_request_and_refreshed_not_duplicated()
    {
        var user = await harness.App.CreateSignedInClientAsync();
        (await user.Http.PostAsync("/api/v1/upwork/connection/import-profile", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await harness.ConnectAsync(user);

        var imported = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/upwork/connection/import-profile", null));
        imported.Status.ShouldBe(HttpStatusCode.OK);
        var expected = harness.Fake.State.Users.Single(u => u.Id == FakeUpworkOptions.DefaultUserId).FreelancerProfile!;
        var profile = imported.Data.As<ImportedProfile>();
        profile.Title.ShouldBe(expected.Title);
        profile.Skills.ShouldBe(expected.Skills, ignoreOrder: true);
        profile.HourlyRate!.Value.ShouldBe(expected.ChargeRate);
        await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/upwork/connection/import-profile", null));

        var profiles = await user.Http.GetEnvelopeAsync("/api/v1/identity/profiles");
        profiles.Data.As<IReadOnlyList<ProfileView>>().ShouldHaveSingleItem().Title.ShouldBe(profile.Title);
    }

    [Fact]
    public async Task Disconnecting_deletes_the_tokens()
    {
        var user = await harness.App.CreateSignedInClientAsync();
        await harness.ConnectAsync(user);
        (await user.Http.DeleteAsync("/api/v1/upwork/connection")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        view.Data.As<ConnectionView>().Connected.ShouldBeFalse();
        (await user.Http.DeleteAsync("/api/v1/upwork/connection")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sign_in_with_upwork_registers_a_new_account_and_signs_it_in_then_finds_it_again()
    {
        // Upwork sign-in registers members only: the workspace's first account (its admin) needs the setup token.
        await harness.App.CreateSignedInClientAsync();
        harness.Fake.State.AddUser(new FakeUser
        {
            Id = "1555000111222333444", Nid = "newfreelancer", Rid = "9911", Name = "Nia W.", Email = $"nia-{Guid.NewGuid():N}@example.test",
            Organizations = [new FakeOrganization { Id = "1555000111222339999", Rid = "9912", Name = "Nia W." }],
        });
        harness.Fake.State.ApprovingUserId = "1555000111222333444";
        try
        {
            for (var round = 0; round < 2; round++)
            {
                var browser = harness.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                var start = await browser.GetAsync("/upwork/signin");
                start.Headers.Location!.ToString().ShouldStartWith(harness.Fake.AuthorizeUrl);
                using var upwork = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
                var callback = (await upwork.GetAsync(start.Headers.Location)).Headers.Location!;
                var done = await browser.GetAsync(callback.PathAndQuery);
                done.Headers.Location!.ToString().ShouldBe(round == 0 ? "/upwork/connection?connected=1&welcome=1" : "/");

                // The cookie it got is a real session: the API answers as that user, who is connected to Upwork.
                var view = await Envelope.ReadAsync(await browser.GetAsync("/api/v1/upwork/connection"));
                view.Status.ShouldBe(HttpStatusCode.OK);
                view.Data.As<ConnectionView>().Account!.Nid.ShouldBe("newfreelancer");
            }
            await using var db = await harness.App.CreateDbContextAsync();
            (await db.Set<UpworkConnection>().CountAsync(c => c.UpworkUserId == "1555000111222333444")).ShouldBe(1);
        }
        finally
        {
            harness.Fake.State.ApprovingUserId = FakeUpworkOptions.DefaultUserId;
        }
    }
}
