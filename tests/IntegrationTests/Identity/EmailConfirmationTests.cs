using System.Text.RegularExpressions;

namespace IntegrationTests.Identity;

/// <summary>Auth:RequireConfirmedEmail on: a mailed link (through a local fake SMTP server) must be followed before signing in.</summary>
public sealed partial class EmailConfirmationTests : IAsyncLifetime
{
    private readonly FakeSmtpServer _smtp = new();
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>(_smtp.Settings)
        {
            ["App:PublicUrl"] = "https://assistant.example.com",
            ["Auth:RequireConfirmedEmail"] = "true",
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_new_account_cannot_sign_in_until_the_mailed_link_is_followed()
    {
        var client = _app.CreateClient();
        var email = $"confirm-{Guid.NewGuid():N}@example.com";
        const string password = SignedInClient.DefaultPassword;

        var registered = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password, setupToken = AppFactory.SetupToken }));
        var mail = await _smtp.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));
        var early = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }));
        var wrongPassword = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wr0ng!Password" }));
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        var forged = await client.GetStringAsync($"/account/confirm-email?userId={registered.Data.GetProperty("userId").GetGuid()}&token=Zm9yZ2Vk");
        var page = await client.GetStringAsync(link.PathAndQuery);
        var after = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }));

        registered.Status.ShouldBe(HttpStatusCode.Created);
        registered.Data.GetProperty("confirmationRequired").GetBoolean().ShouldBeTrue();
        registered.Data.TryGetProperty("accessToken", out _).ShouldBeFalse("no tokens before the address is confirmed");
        (mail.Subject ?? "").ShouldContain("Confirm your");
        link.GetLeftPart(UriPartial.Path).ShouldBe("https://assistant.example.com/account/confirm-email");
        early.Status.ShouldBe(HttpStatusCode.Forbidden);
        early.Message.ShouldStartWith("Confirm your email address before signing in");
        wrongPassword.Status.ShouldBe(HttpStatusCode.Unauthorized, "a wrong password learns nothing about the account");
        forged.ShouldContain("not valid");
        page.ShouldContain("Your e-mail address is confirmed");
        after.Status.ShouldBe(HttpStatusCode.OK, after.Root.ToString());
        after.Data.As<Tokens>().AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_new_link_can_be_requested_and_the_answer_is_the_same_for_unknown_addresses()
    {
        var client = _app.CreateClient();
        var email = $"resend-{Guid.NewGuid():N}@example.com";
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = SignedInClient.DefaultPassword, setupToken = AppFactory.SetupToken });
        await _smtp.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));

        var known = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/resend-confirmation", new { email }));
        var unknown = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/resend-confirmation", new { email = "nobody@example.com" }));
        var link = LinkPattern().Match((await WaitForSecondAsync(email)).TextBody ?? "").Value;
        var confirmed = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/confirm-email", new
        {
            userId = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query)["userId"].ToString(),
            token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString(),
        }));

        known.Message.ShouldBe(unknown.Message);
        confirmed.Status.ShouldBe(HttpStatusCode.OK, confirmed.Root.ToString());
    }

    private Task<MimeKit.MimeMessage> WaitForSecondAsync(string email) =>
        Eventually.GetAsync(() => Task.FromResult(
            _smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == email)).Skip(1).LastOrDefault()), "a second message");

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex LinkPattern();
}
