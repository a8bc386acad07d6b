using System.Text.RegularExpressions;

namespace IntegrationTests.Identity;

/// <summary>Forgot password through a real SMTP conversation with a local fake mail server.</summary>
public sealed partial class PasswordResetTests : IAsyncLifetime
{
    private readonly FakeSmtpServer _smtp = new();
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>(_smtp.Settings) { ["App:PublicUrl"] = "https://assistant.example.com" });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_mailed_link_sets_a_new_password_once_and_signs_every_device_out()
    {
        var user = await _app.CreateSignedInClientAsync();
        var client = _app.CreateClient();

        var unknown = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nobody@example.com" }));
        var known = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email }));
        var mail = await _smtp.WaitForMessageAsync(user.Email, TimeSpan.FromSeconds(20));
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var userId = query["userId"].ToString();
        var token = query["token"].ToString();

        unknown.Message.ShouldBe(known.Message, "the answer does not reveal which addresses have accounts");
        _smtp.Messages.Count.ShouldBe(1);
        (mail.Subject ?? "").ShouldContain("Reset your");
        link.GetLeftPart(UriPartial.Path).ShouldBe("https://assistant.example.com/account/reset-password");

        var weak = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { userId, token, newPassword = "weak" }));
        var reset = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { userId, token, newPassword = "N3w!Passw0rd" }));
        var again = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { userId, token, newPassword = "An0ther!Passw0rd" }));

        weak.Status.ShouldBe(HttpStatusCode.BadRequest);
        weak.Errors.ShouldAllBe(e => e.Field == "newPassword");
        reset.Status.ShouldBe(HttpStatusCode.OK);
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Errors.ShouldHaveSingleItem().Field.ShouldBe("token");
        (await user.Http.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "N3w!Passw0rd" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
