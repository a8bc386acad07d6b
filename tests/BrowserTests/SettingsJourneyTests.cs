using Microsoft.Playwright;

namespace BrowserTests;

public sealed class SettingsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_user_adds_an_api_key_sees_it_masked_and_signs_another_devices_open_page_out_at_once()
    {
        var (page, email) = await fixture.NewSignedInPageAsync();
        var other = await fixture.NewPageAsync();
        await other.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(other, email, SignedInClient.DefaultPassword);
        await BrowserFixture.WaitForPathAsync(other, "/");
        await BrowserFixture.GotoInteractiveAsync(other, "/analytics");

        await BrowserFixture.GotoInteractiveAsync(page, "/settings");
        await Assertions.Expect(page.GetByTestId("usage")).ToContainTextAsync("0 of 5 AI generations used this month on the free plan");

        const string secret = "sk-live-SECRET-never-shown-again-wxyz";
        await page.GetByLabel("API key").FillAsync(secret);
        await page.GetByTestId("key-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("key-hint")).ToHaveTextAsync("sk-…wxyz");
        (await page.ContentAsync()).ShouldNotContain("SECRET-never-shown");

        var revoke = page.GetByTestId("session-revoke");
        await Assertions.Expect(revoke).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "settings");
        await revoke.ClickAsync();
        await Assertions.Expect(revoke).ToHaveCountAsync(0);
        // The page goes through the API's handler: the revocation is a security event like any other.
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("session revoked");

        // The other device's open page is signed out without it doing anything, well before the one-minute
        // revalidation could have done it (a generous bound: the machine may be busy).
        await BrowserFixture.WaitForPathAsync(other, "/account/login", 40_000);
        await Assertions.Expect(other.GetByTestId("signin-submit")).ToBeVisibleAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/analytics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Analytics");
    }
}
