namespace IntegrationTests.Identity;

/// <summary>"Sign out everywhere" (<c>DELETE /api/v1/auth/sessions</c>) ends every session and every personal access token at once.</summary>
public sealed class SignOutEverywhereTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Signing_out_everywhere_ends_every_device_and_every_access_token_at_once()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/access-tokens", new { name = "script", scopes = new[] { "jobs:read" } }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.ToString());
        using var script = fixture.App.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", created.Data.As<NewAccessToken>().Token);
        (await script.GetAsync("/api/v1/upwork/jobs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var everywhere = await Envelope.ReadAsync(await user.Http.DeleteAsync("/api/v1/auth/sessions"));

        everywhere.Status.ShouldBe(HttpStatusCode.OK, everywhere.Root.ToString());
        everywhere.Data.As<SignedOutEverywhere>().SessionsEnded.ShouldBeGreaterThanOrEqualTo(1);
        (await script.GetAsync("/api/v1/upwork/jobs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await user.Http.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
