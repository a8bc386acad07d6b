using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>Issue 24, shared profiles on the Profiles page, by keyboard: the admin shares one; a bidder sees who shared it, reads it and copies it to edit.</summary>
public sealed class SharedProfilesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_shares_a_profile_that_a_bidder_reads_and_copies_to_edit_with_the_keyboard()
    {
        var (admin, _) = await fixture.NewSignedInPageAsync();   // the first account of the install is the admin
        await BrowserFixture.GotoInteractiveAsync(admin, "/profiles");
        await admin.GetByTestId("profile-new").ClickAsync();
        await admin.GetByLabel("Title").First.FillAsync("Agency data team");
        await admin.GetByLabel("Overview").FillAsync("Pipelines and dashboards for logistics companies.");
        await admin.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("profile-row")).ToHaveCountAsync(1);
        var share = admin.GetByRole(AriaRole.Button, new() { Name = "Share Agency data team with the team" });
        await share.FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.GetByTestId("profile-shared-chip")).ToHaveTextAsync("Shared with the team");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Stop sharing Agency data team with the team" })).ToBeVisibleAsync();

        var (bidder, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(bidder, "/profiles");
        var row = bidder.GetByTestId("profile-row").Filter(new() { HasText = "Agency data team" });
        await Assertions.Expect(row.GetByTestId("profile-shared-by")).ToContainTextAsync("Shared by");
        await Assertions.Expect(row.GetByTestId("profile-shared-by")).ToContainTextAsync("read-only");
        await Assertions.Expect(row.GetByTestId("profile-edit")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("profile-delete")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("profile-share")).ToHaveCountAsync(0);

        await row.GetByTestId("profile-view").FocusAsync();
        await bidder.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.GetByTestId("profile-readonly-view")).ToContainTextAsync("Pipelines and dashboards for logistics companies.");

        await row.GetByRole(AriaRole.Button, new() { Name = "Copy Agency data team to edit it" }).FocusAsync();
        await bidder.Keyboard.PressAsync("Enter");
        var copy = bidder.GetByTestId("profile-row").Filter(new() { HasText = "Agency data team (copy)" });
        await Assertions.Expect(copy).ToHaveCountAsync(1);
        await Assertions.Expect(copy.GetByTestId("profile-shared-by")).ToHaveCountAsync(0);
        await copy.GetByRole(AriaRole.Button, new() { Name = "Edit Agency data team (copy)" }).ClickAsync();
        await Assertions.Expect(bidder.GetByTestId("profile-editor")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(bidder, "shared-profile-copied");
    }
}
