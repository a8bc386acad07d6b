using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>Its own app and fake, so the first account registered here is the workspace's admin.</summary>
public sealed class UpworkDoctorBrowserFixture : UpworkBrowserFixture;

public sealed class UpworkDoctorJourneyTests(UpworkDoctorBrowserFixture fixture) : IClassFixture<UpworkDoctorBrowserFixture>
{
    [Fact]
    public async Task The_admin_checks_our_queries_against_upworks_schema_in_a_dialog_and_a_member_has_no_such_button()
    {
        var (admin, _) = await fixture.NewSignedInPageAsync();   // the first account: the admin
        await ConnectAsync(admin);

        await admin.GetByTestId("upwork-doctor").ClickAsync();
        var dialog = admin.GetByTestId("upwork-doctor-dialog").Or(admin.Locator(".mud-dialog")).First;
        // One __type request at a time, paced under the rate limit: the whole check takes a few seconds.
        await Assertions.Expect(dialog.GetByTestId("upwork-doctor-summary")).ToContainTextAsync("Everything matches", new() { Timeout = 90_000 });
        await Assertions.Expect(dialog.GetByTestId("upwork-doctor-operation")).ToHaveCountAsync(Modules.Upwork.Features.DiagnoseUpwork.DoctorCalls.All().Count);
        await Assertions.Expect(dialog.GetByTestId("upwork-doctor-operation").Filter(new() { HasText = "SearchJobs" })).ToContainTextAsync("Matches");
        await BrowserFixture.ScreenshotAsync(admin, "upwork-doctor");
        await dialog.GetByTestId("upwork-doctor-close").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("upwork-doctor-dialog")).ToHaveCountAsync(0);

        var (member, _) = await fixture.NewSignedInPageAsync();
        await ConnectAsync(member);
        await Assertions.Expect(member.GetByTestId("upwork-disconnect")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("upwork-doctor")).ToHaveCountAsync(0);
    }

    private static async Task ConnectAsync(IPage page)
    {
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/connection");
        await page.GetByTestId("upwork-connect").ClickAsync();   // → fake Upwork consent (auto-approved) → our callback
        await BrowserFixture.WaitForAddressContainingAsync(page, "connected=1");
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }
}
