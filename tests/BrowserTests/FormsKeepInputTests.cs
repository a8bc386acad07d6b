using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>
/// Nothing typed is lost (issue 25): each form is filled the instant it appears after a link or a load, as a password
/// manager or a quick typist does, before the page is live; the value must survive the page going live and be submitted.
/// </summary>
public sealed class FormsKeepInputTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sign_in_and_forgot_password_take_what_is_typed_the_moment_they_appear()
    {
        var (_, email) = await fixture.NewSignedInPageAsync();
        var page = await fixture.NewPageAsync();

        // Forgot password, reached by its link from the sign-in page: typed at once, submitted.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Sign in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByTestId("reset-request").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-sent")).ToBeVisibleAsync();

        // Sign in, reached by its link from the registration page: typed at once, submitted.
        await page.GotoAsync("/account/register");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(SignedInClient.DefaultPassword);
        await page.GetByTestId("signin-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/", 45_000);
    }

    [Fact]
    public async Task Interactive_pages_keep_what_was_typed_before_they_went_live()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();

        // What the server sends first (the prerendered page) has its form controls disabled, so nothing can be typed that the
        // live page would then render over.
        var prerendered = await (await page.APIRequest.GetAsync("/upwork/jobs")).TextAsync();
        prerendered.ShouldContain("<fieldset class=\"page-body\" disabled");
        prerendered.ShouldContain("data-testid=\"page-getting-ready\"");     // and says it is getting ready

        // The jobs search box, filled the moment the page is shown: it takes input only once the page is live and its first
        // results are in (a word typed earlier would be overwritten by that first load), so the fill waits for it, and the
        // word is kept and searched for.
        await page.GotoAsync("/upwork/jobs");
        var search = page.GetByLabel("Search jobs");
        await Assertions.Expect(page.GetByTestId("page-getting-ready")).ToHaveCountAsync(0);   // gone once the page is live
        await search.FillAsync("Python");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await BrowserFixture.WaitForAddressContainingAsync(page, "q=Python");
        await Assertions.Expect(search).ToHaveValueAsync("Python");

        // The AI settings form: a model typed before the page is live is there afterwards and is what gets saved.
        await page.GotoAsync("/ai");
        var model = page.GetByLabel("OpenAI model");
        await model.FillAsync("gpt-typed-early");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(model).ToHaveValueAsync("gpt-typed-early");
        await page.GetByTestId("ai-settings-save").ClickAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/ai");
        await Assertions.Expect(page.GetByLabel("OpenAI model")).ToHaveValueAsync("gpt-typed-early");
    }
}

/// <summary>
/// The pages reached through a link from outside the app (issue 25): the invitation link an admin hands out and the
/// password-reset link in the mail. Each is filled the instant it loads and submitted; what was typed is what counts.
/// </summary>
public sealed partial class FormsReachedByLinkKeepInputTests(MailingBrowserFixture fixture) : IClassFixture<MailingBrowserFixture>
{
    [Fact]
    public async Task Invitation_and_password_reset_pages_take_what_is_typed_the_moment_they_load()
    {
        // The fixture's first account is the workspace admin, who makes the invitation (one test, so it is the first).
        var (admin, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(admin, "/admin/members");
        await admin.GetByTestId("invite-create").ClickAsync();
        var invitation = await admin.GetByTestId("invite-link").InputValueAsync();
        invitation.ShouldContain("/account/register");

        // Register by invitation: filled as soon as the page has loaded, submitted, and the account is the typed one.
        var member = await fixture.NewPageAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.com";
        await member.GotoAsync(invitation);
        await member.GetByLabel("Email").FillAsync(email);
        await member.GetByLabel("Password", new() { Exact = true }).FillAsync(SignedInClient.DefaultPassword);
        await member.GetByTestId("register-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(member, "/", 45_000);
        await member.Context.CloseAsync();

        // Reset through the mailed link: the new password typed the moment the page loads is the one that works.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/forgot-password");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByTestId("reset-request").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-sent")).ToBeVisibleAsync();
        var mail = await fixture.Smtp.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));
        await page.GotoAsync(ResetLink().Match(mail.TextBody ?? "").Value);
        await page.GetByLabel("New password").FillAsync("Typed!At0nce");
        await Assertions.Expect(page.GetByLabel("New password")).ToHaveValueAsync("Typed!At0nce");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();

        await page.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, "Typed!At0nce");
        await BrowserFixture.WaitForPathAsync(page, "/", 45_000);
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
