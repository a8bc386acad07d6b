using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>The app with its mail going to a local fake SMTP server.</summary>
public sealed class MailingBrowserFixture : BrowserFixture
{
    public FakeSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?>? Settings => Smtp.Settings;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed partial class PasswordResetJourneyTests(MailingBrowserFixture fixture) : IClassFixture<MailingBrowserFixture>
{
    [Fact]
    public async Task A_user_who_forgot_their_password_follows_the_mailed_link_and_signs_in_with_a_new_one()
    {
        var (setup, email) = await fixture.NewSignedInPageAsync();
        await setup.Context.CloseAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/forgot-password");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Forgot your password?");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByTestId("reset-request").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-sent")).ToBeVisibleAsync();

        var mail = await fixture.Smtp.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set a new password");
        await page.GetByLabel("New password").FillAsync("short");
        // The rules are checked as the user types; the server still refuses the weak password on submit.
        await Assertions.Expect(page.GetByTestId("password-rules-status")).ToContainTextAsync("Still needed: At least 8 characters; An upper-case letter; A digit");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-errors")).ToBeVisibleAsync();
        await page.GetByLabel("New password").FillAsync("Fresh!Passw0rd");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await BrowserFixture.SubmitSignInAsync(page, email, "Fresh!Passw0rd");
        await BrowserFixture.WaitForPathAsync(page, "/");
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
