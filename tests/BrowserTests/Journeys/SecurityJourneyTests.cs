using System.IO.Compression;
using Microsoft.Playwright;
using OtpNet;

namespace BrowserTests.Journeys;

/// <summary>Journey 5: two-factor sign-in, signing out another device, data export and account deletion.</summary>
public sealed class SecurityJourneyTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    [Fact]
    public async Task Enable_mfa_sign_in_with_totp_revoke_a_session_export_data_then_delete_the_account()
    {
        var (page, email) = await fixture.NewSignedInPageAsync();

        // Turn on two-factor with the authenticator app's secret; keep a recovery code for the second device.
        await BrowserFixture.GotoInteractiveAsync(page, "/settings");
        await page.GetByTestId("mfa-begin").ClickAsync();
        var key = (await page.GetByTestId("mfa-key").InnerTextAsync()).Replace(" ", "");
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByLabel("6-digit code").FillAsync(totp.ComputeTotp(fixture.Clock.HoldInStep(fixture.FirstStep)));
        await page.GetByTestId("mfa-confirm").ClickAsync();
        var codes = (await page.GetByTestId("recovery-codes").InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        codes.Length.ShouldBeGreaterThan(1);
        await BrowserFixture.ScreenshotAsync(page, "journey5-01-mfa-on");

        // Sign out and back in: the password alone is not enough, the app's code is.
        await page.GetByTestId("sign-out").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(page.GetByTestId("mfa-step")).ToBeVisibleAsync();
        await page.GetByLabel("Code").FillAsync(totp.ComputeTotp(fixture.Clock.HoldInStep(fixture.FirstStep + 1)));   // the enabling code is spent
        await page.GetByTestId("mfa-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/");
        fixture.Clock.Release();   // the rest of the journey runs on the real clock again (later than the held steps)
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(email);

        // A second device signs in (with a recovery code) and is then signed out from the first.
        var other = await fixture.NewPageAsync();
        await other.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(other, email, SignedInClient.DefaultPassword);
        await other.GetByLabel("Code").FillAsync(codes[0]);
        await other.GetByTestId("mfa-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(other, "/");

        await BrowserFixture.GotoInteractiveAsync(page, "/settings");
        var revoke = page.GetByTestId("session-table").GetByTestId("session-revoke");
        await Assertions.Expect(revoke).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "journey5-02-sessions");
        await revoke.ClickAsync();
        await Assertions.Expect(revoke).ToHaveCountAsync(0);
        // The other device's open page is signed out at once by the live revocation (it navigates itself to sign-in; a
        // navigation of ours started now would race it), and opening a page again also ends at sign-in.
        await BrowserFixture.WaitForPathAsync(other, "/account/login");
        await other.GotoAsync("/settings");
        await BrowserFixture.WaitForPathAsync(other, "/account/login");

        // Export: a ZIP download that opens and holds the account's data.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        var zipPath = Path.Combine(TestEnvironment.ArtifactsDirectory, "journey5-export.zip");
        await download.SaveAsAsync(zipPath);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            zip.Entries.Count.ShouldBeGreaterThan(0);
            var all = string.Join("\n", zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return reader.ReadToEnd();
            }));
            all.ShouldContain(email);
        }

        // Delete the account: signed out, and the password no longer works.
        await page.GetByLabel("Password, to delete your account").FillAsync(SignedInClient.DefaultPassword);
        await page.GetByTestId("erase").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mfa-step")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "journey5-03-deleted");
    }
}
