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
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { Timeout = 45_000 });
    }

    [Fact]
    public async Task Interactive_pages_keep_what_was_typed_before_they_went_live()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();

        // The jobs search box, typed into the moment the page is shown (prerendered, not live yet).
        await page.GotoAsync("/upwork/jobs");
        var search = page.GetByLabel("Search jobs");
        await search.FillAsync("Python");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(search).ToHaveValueAsync("Python");
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=Python", StringComparison.Ordinal));

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
