using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>
/// Red flags on a job (card, detail, dismiss) and the Compliance page (gauges, the pause switch and its app-bar sign),
/// axe-clean in the light and the dark theme.
/// </summary>
public sealed class ComplianceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_user_sees_why_a_job_is_red_flagged_dismisses_a_flag_and_pauses_upwork_from_the_compliance_page(string theme)
    {
        var (page, _) = await fixture.NewSignedInPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        page.Context.SetDefaultTimeout(45_000);
        var title = $"Bakery logo {theme} {Guid.NewGuid().ToString("N")[..6]}";

        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync($"{title}\n\nFixed price $300\nA logo for my bakery. Please add me on tele gram @bakery_owner <b>now</b> to discuss.");
        await page.GetByTestId("paste-extract").ClickAsync();
        await page.GetByTestId("paste-save").ClickAsync();
        var card = page.GetByTestId("job-card").Filter(new() { HasText = title });
        await Assertions.Expect(card.GetByTestId("card-red-flags")).ToContainTextAsync("Off-Upwork contact");

        await card.GetByTestId("open-job").ClickAsync();
        var flags = page.GetByTestId("job-detail").GetByTestId("red-flags");
        await Assertions.Expect(flags).ToContainTextAsync("outside Upwork");
        await Assertions.Expect(flags).ToContainTextAsync("@bakery_owner <b>");   // the stranger's markup is shown as text
        await AxeCleanAsync(page, $"job detail ({theme})");
        await flags.GetByTestId("red-flag").Filter(new() { HasText = "Off-Upwork contact" }).GetByTestId("dismiss-flag").ClickAsync();
        await Assertions.Expect(flags.GetByTestId("red-flag").Filter(new() { HasText = "Off-Upwork contact" })).ToContainTextAsync("dismissed");

        await BrowserFixture.GotoInteractiveAsync(page, "/compliance");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Compliance");
        await Assertions.Expect(page.GetByTestId("gauge-day")).ToContainTextAsync("40,000");
        await Assertions.Expect(page.GetByTestId("retention-inventory")).ToContainTextAsync("upwork.jobs");
        await Assertions.Expect(page.GetByTestId("appbar-upwork-paused")).ToHaveCountAsync(0);
        await page.GetByLabel("Pause all my Upwork calls").CheckAsync();
        await Assertions.Expect(page.GetByTestId("appbar-upwork-paused")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("My Upwork calls are paused (since")).ToBeVisibleAsync();
        await AxeCleanAsync(page, $"/compliance ({theme})");
        await BrowserFixture.ScreenshotAsync(page, $"compliance-{theme}");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("My Upwork calls are paused")).UncheckAsync();
        await Assertions.Expect(page.GetByTestId("appbar-upwork-paused")).ToHaveCountAsync(0);
    }

    private static async Task AxeCleanAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The "Job saved." toast is the app's, not this page's (its dark-theme contrast is checked where it belongs): let it go first.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where} [{v.Impact}] {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ShouldBeEmpty();
    }
}
