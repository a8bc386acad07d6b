namespace IntegrationTests.Upwork;

/// <summary>The sound option of in-app alerts is stored per user, off until turned on, and nobody else's.</summary>
public abstract class AlertPreferencesTests(AppFixture fixture)
{
    [Fact]
    public async Task The_sound_option_is_off_by_default_and_saved_per_user()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var other = await fixture.App.CreateSignedInClientAsync();
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-preferences")).Data.As<AlertPreferences>().PlaySound.ShouldBeFalse();

        (await user.Http.PutAsJsonAsync("/api/v1/upwork/alert-preferences", new { playSound = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.PutAsJsonAsync("/api/v1/upwork/alert-preferences", new { playSound = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-preferences")).Data.As<AlertPreferences>().PlaySound.ShouldBeTrue();
        (await other.Http.GetEnvelopeAsync("/api/v1/upwork/alert-preferences")).Data.As<AlertPreferences>().PlaySound.ShouldBeFalse();
        (await user.Http.PutAsJsonAsync("/api/v1/upwork/alert-preferences", new { playSound = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-preferences")).Data.As<AlertPreferences>().PlaySound.ShouldBeFalse();
    }

    [Fact]
    public async Task The_beep_module_the_bell_imports_is_served()
    {
        var response = await fixture.App.CreateClient().GetAsync("/_content/Modules.Upwork/alertSound.js");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("export function beep");
    }
}

public sealed class SqliteAlertPreferencesTests(SqliteApp fixture) : AlertPreferencesTests(fixture), IClassFixture<SqliteApp>;

public sealed class PostgresAlertPreferencesTests(PostgresApp fixture) : AlertPreferencesTests(fixture), IClassFixture<PostgresApp>;
