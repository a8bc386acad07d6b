using Microsoft.Playwright;

namespace BrowserTests;

public sealed class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_registers_signs_out_fails_with_a_wrong_password_and_signs_back_in()
    {
        var page = await fixture.NewPageAsync();
        var email = $"journey-{Guid.NewGuid():N}@example.com";

        // A visitor is sent to sign in, and from there to registration.
        await page.GotoAsync("/upwork/jobs");
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.ScreenshotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create one" }).ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/register");
        // Blazor's enhanced navigation changes the URL before it swaps the content: wait for the new heading.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Create your account");

        // Weak password: every unmet rule is named, nothing is created.
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByTestId("register-submit").ClickAsync();
        var errors = page.GetByTestId("register-errors");
        await Assertions.Expect(errors).ToContainTextAsync("at least 8 characters");
        await Assertions.Expect(errors).ToContainTextAsync("upper-case letter");
        await Assertions.Expect(errors).ToContainTextAsync("digit");
        await Assertions.Expect(errors).ToContainTextAsync("special character");

        await BrowserFixture.RegisterAsync(page, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(email);

        await page.GetByTestId("sign-out").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");
        await page.GotoAsync("/");
        await BrowserFixture.WaitForPathAsync(page, "/account/login");

        await BrowserFixture.SubmitSignInAsync(page, email, "Wrong!Passw0rd");
        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("Email or password is incorrect");

        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await BrowserFixture.WaitForPathAsync(page, "/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task After_signing_in_the_user_returns_to_the_page_they_asked_for()
    {
        var (setup, email) = await fixture.NewSignedInPageAsync();
        await setup.Context.CloseAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/analytics");
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);

        await BrowserFixture.WaitForPathAsync(page, "/analytics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Analytics");
    }
}
