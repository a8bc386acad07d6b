using Microsoft.Playwright;
using OtpNet;

namespace BrowserTests;

public sealed class MfaJourneyTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    [Fact]
    public async Task A_user_turns_on_two_factor_signs_out_and_signs_in_with_a_code_from_their_app()
    {
        var (page, email) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/settings");

        await page.GetByTestId("mfa-begin").ClickAsync();
        var key = (await page.GetByTestId("mfa-key").InnerTextAsync()).Replace(" ", "");
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await Assertions.Expect(page.GetByAltText("QR code for your authenticator app")).ToBeVisibleAsync();
        await page.GetByLabel("6-digit code").FillAsync(totp.ComputeTotp(fixture.Clock.HoldInStep(fixture.FirstStep)));
        await page.GetByTestId("mfa-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToContainTextAsync("-");
        await BrowserFixture.ScreenshotAsync(page, "mfa-recovery-codes");

        await page.GetByTestId("sign-out").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(page.GetByTestId("mfa-step")).ToBeVisibleAsync();

        await page.GetByLabel("Code").FillAsync("000000");
        await page.GetByTestId("mfa-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("not right");

        // The enabling code is spent; the app's next code signs in.
        await page.GetByLabel("Code").FillAsync(totp.ComputeTotp(fixture.Clock.HoldInStep(fixture.FirstStep + 1)));
        await page.GetByTestId("mfa-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/");
        fixture.Clock.Release();   // the rest of the journey runs on the real clock again (later than the held steps)
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(email);
    }
}
