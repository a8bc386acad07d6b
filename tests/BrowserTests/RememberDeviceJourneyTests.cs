using Microsoft.Playwright;
using OtpNet;

namespace BrowserTests;

public sealed class RememberDeviceJourneyTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    [Fact]
    public async Task A_remembered_device_skips_the_code_until_its_session_is_revoked_from_another_device()
    {
        var (page, email) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/settings");
        await page.GetByTestId("mfa-begin").ClickAsync();
        var totp = new Totp(Base32Encoding.ToBytes((await page.GetByTestId("mfa-key").InnerTextAsync()).Replace(" ", "")));
        await page.GetByLabel("6-digit code").FillAsync(totp.ComputeTotp(fixture.Clock.HoldInStep(fixture.FirstStep)));
        await page.GetByTestId("mfa-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToContainTextAsync("-");
        var recovery = (await page.GetByTestId("recovery-codes").InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Sign out, sign in with a code and "remember this device" ticked.
        await page.GetByTestId("sign-out").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(page.GetByTestId("mfa-step")).ToBeVisibleAsync();
        await page.GetByTestId("mfa-remember-device").CheckAsync();
        await page.GetByLabel("Code").FillAsync(totp.ComputeTotp(fixture.Clock.HoldInStep(fixture.FirstStep + 1)));
        await page.GetByTestId("mfa-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/");
        fixture.Clock.Release();   // the rest of the journey runs on the real clock again (later than the held steps)

        // Next time on this browser: no code.
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await BrowserFixture.WaitForPathAsync(page, "/");

        // Another browser (which must answer the code) signs this device's session out: it is no longer trusted.
        var other = await fixture.NewPageAsync();
        await other.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(other, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(other.GetByTestId("mfa-step")).ToBeVisibleAsync();
        await other.GetByLabel("Code").FillAsync(recovery[0]);
        await other.GetByTestId("mfa-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(other, "/");
        await BrowserFixture.GotoInteractiveAsync(other, "/settings");
        await other.GetByTestId("session-revoke").ClickAsync();
        await Assertions.Expect(other.GetByTestId("session-revoke")).ToHaveCountAsync(0);

        await BrowserFixture.WaitForPathAsync(page, "/account/login", 40_000);
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(page.GetByTestId("mfa-step")).ToBeVisibleAsync();
    }
}
