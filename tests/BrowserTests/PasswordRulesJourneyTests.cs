using Microsoft.Playwright;

namespace BrowserTests;

public sealed class PasswordRulesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_register_form_shows_each_unmet_password_rule_while_typing_and_still_submits_normally()
    {
        var page = await fixture.NewPageAsync();
        // Arrive the way a visitor does (a link from the sign-in page, i.e. Blazor's enhanced navigation), not by a fresh load.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create one" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Create your account");

        var password = page.GetByLabel("Password", new() { Exact = true });
        var status = page.GetByTestId("password-rules-status");
        await password.FillAsync("abc");
        await Assertions.Expect(status).ToHaveTextAsync("Still needed: At least 8 characters; An upper-case letter; A digit; A special character (not a letter or digit)");
        await Assertions.Expect(page.Locator("[data-rule=lower]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rule-met"));

        await password.PressSequentiallyAsync("DEFG1");
        await Assertions.Expect(status).ToHaveTextAsync("Still needed: A special character (not a letter or digit)");
        await password.PressSequentiallyAsync("!");
        await Assertions.Expect(status).ToHaveTextAsync("All password rules met");
        await Assertions.Expect(page.Locator("[data-rule].rule-unmet")).ToHaveCountAsync(0);

        // The static form and its antiforgery token are untouched: submitting creates the account.
        await page.GetByLabel("Email").FillAsync($"rules-{Guid.NewGuid():N}@example.com");
        await BrowserFixture.FillSetupTokenIfAskedAsync(page);
        await page.GetByTestId("register-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/", 45_000);
    }
}
