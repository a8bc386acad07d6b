using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Features.TrackProposals;

namespace BrowserTests.Journeys;

/// <summary>
/// Journey 3: connect Upwork (the fake), save a search with alerts, a job published on the fake arrives live with an
/// unread alert, analyse it, write and save a letter, "copy and open" on Upwork, mark it submitted; the fake's
/// proposal is then viewed and the client hires: the open board and the dashboard follow without a reload.
/// Scheduled jobs are off in tests, so the poller and the status sync are run here as their Quartz jobs would run them.
/// </summary>
public sealed class UpworkAlertJourneyTests(UpworkBrowserFixture fixture) : IClassFixture<UpworkBrowserFixture>
{
    [Fact]
    public async Task A_matching_job_alerts_live_is_analysed_applied_to_and_followed_to_hired()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        // Upwork itself is not reachable from the test machine: its tab gets a stand-in page.
        await page.Context.RouteAsync("https://www.upwork.com/**", r => r.FulfillAsync(new() { Body = "<h1>Upwork (stand-in)</h1>", ContentType = "text/html" }));

        // Connect (the fake approves at once) and save a search with alerts on.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/connection");
        await page.GetByTestId("upwork-connect").ClickAsync();
        await BrowserFixture.WaitForAddressContainingAsync(page, "connected=1");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        var keyword = "alert" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Python alerts");
        await page.GetByLabel("Keywords").FillAsync(keyword);
        await page.GetByLabel("Alerts on").CheckAsync();
        await page.GetByTestId("add-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-search")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "journey3-01-search-saved");

        // A job published on Upwork arrives on the open Jobs page and in the unread badge, without a reload.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        var bell = page.GetByTestId("alerts-bell").GetByRole(AriaRole.Button);
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", new Regex("^Alerts(, 0 unread)?$"));
        var title = $"{keyword} Python API for a clinic";
        var fakeJob = fixture.Fake.State.GenerateJob(j => j.Title = title);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SyncJobPostings>().RunDueAsync(CancellationToken.None);
        var card = page.GetByTestId("job-card").Filter(new() { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Alerts, 1 unread");
        await BrowserFixture.ScreenshotAsync(page, "journey3-02-job-arrived-with-alert");

        // Open it and analyse it.
        await card.GetByTestId("open-job").ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-detail")).ToContainTextAsync(title);
        // The new-job toast sits over the drawer's top right: the user closes it first.
        await page.Locator(".mud-snackbar").Filter(new() { HasText = "New job" }).GetByRole(AriaRole.Button, new() { Name = "Close" }).Or(
            page.Locator(".mud-snackbar").Filter(new() { HasText = "New job" }).Locator("button.mud-snackbar-close-button, button[aria-label]").Last).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("analyse-job")).ToBeInViewportAsync(new() { Ratio = 1 });
        await BrowserFixture.ScreenshotAsync(page, "journey3-03a-detail", fullPage: false);
        await page.GetByTestId("analyse-job").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fit-score")).ToContainTextAsync("/100", new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(page, "journey3-03-analysed");

        // Write (no AI key here: the offline writer), save, then copy and open on Upwork.
        await page.GetByTestId("write-generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var letter = await page.GetByLabel("Cover letter").InputValueAsync();
        await page.GetByTestId("write-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as a draft on your proposals board.")).ToBeVisibleAsync();
        var upwork = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("write-copy-open").ClickAsync());
        upwork.Url.ShouldStartWith("https://www.upwork.com/jobs/");
        (await page.EvaluateAsync<string>("navigator.clipboard.readText()")).ShouldBe(letter);
        await upwork.CloseAsync();

        // Mark it submitted on the board; the dashboard counts it.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        var draft = page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = title });
        await draft.GetByTestId("move-menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Submitted" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-submitted").GetByTestId("proposal-card").Filter(new() { HasText = title })).ToBeVisibleAsync();

        // On Upwork the client starts talking (Upwork's "Activated"; its API has no "viewed" signal): the open board moves it to Interviewing.
        var proposal = fixture.Fake.State.AddProposal(new FakeUpwork.FakeProposal { JobId = fakeJob.Id, Status = "Activated", CoverLetter = letter });
        await SyncStatusesAsync();
        await Assertions.Expect(page.GetByTestId("column-interviewing").GetByTestId("proposal-card").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey3-04-interviewing");

        // Then hires: the board shows Hired, and the open dashboard's numbers change without a reload.
        await BrowserFixture.GotoInteractiveAsync(page, "/");
        var sent = page.GetByTestId("home-kpi-proposals_sent");
        await Assertions.Expect(sent).ToContainTextAsync("1");
        var before = await page.GetByTestId("home-kpi-cost_per_hire").InnerTextAsync();
        fixture.Fake.State.SetProposalStatus(proposal.Id, "Hired");
        await SyncStatusesAsync();
        await Assertions.Expect(page.GetByTestId("home-kpi-cost_per_hire")).Not.ToHaveTextAsync(before);
        await BrowserFixture.ScreenshotAsync(page, "journey3-05-dashboard-after-hire");
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        await Assertions.Expect(page.GetByTestId("column-hired").GetByTestId("proposal-card").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey3-06-hired");
    }

    private async Task SyncStatusesAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncProposalStatuses>().RunAsync(CancellationToken.None);
    }
}
