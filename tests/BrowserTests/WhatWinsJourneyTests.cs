using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>
/// "What wins for you" on Analytics and the backtest on the saved-search form, for a user with a history in which
/// payment-verified clients hire three times as often: the panel says so, and both panels are axe-clean in both themes.
/// </summary>
public sealed class WhatWinsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task What_wins_shows_the_planted_effect_and_a_search_backtests_before_saving(string theme)
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await ProposalHistory.SeedAsync(fixture.App, user.UserId, 400);
        var page = await fixture.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        page.Context.SetDefaultTimeout(45_000);
        await page.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(page, user.Email, user.Password);
        await BrowserFixture.WaitForPathAsync(page, "/");

        await BrowserFixture.GotoInteractiveAsync(page, "/analytics");
        var panel = page.GetByTestId("what-wins");
        await Assertions.Expect(panel.GetByTestId("what-wins-baseline")).ToContainTextAsync("From your 400 proposals");
        var verified = panel.GetByTestId("what-wins-finding").Filter(new() { HasText = "“Payment verified”: 30% hire rate" });
        await Assertions.Expect(verified).ToContainTextAsync("▲ Raises");
        await Assertions.Expect(verified).ToContainTextAsync("3× the rest");

        await panel.GetByTestId("what-wins-attribute").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Client's payment" }).ClickAsync();
        var row = panel.GetByTestId("what-wins-row").Filter(new() { HasText = "Payment not verified" });
        await Assertions.Expect(row.GetByTestId("what-wins-verdict")).ToContainTextAsync("▼ Lowers");
        await BrowserFixture.ScreenshotAsync(page, $"what-wins-{theme}");
        await AxeCleanAsync(page, $"/analytics ({theme})");

        // The saved-search form backtests its unsaved values on the same history.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/connection");
        await page.GetByLabel("Payment-verified clients only").CheckAsync();
        await page.GetByLabel("Keywords").FillAsync("blazor");
        await page.GetByTestId("backtest-search").ClickAsync();
        var result = page.GetByTestId("backtest-result");
        await Assertions.Expect(result).ToContainTextAsync("200 of your 400 proposals");
        await Assertions.Expect(result).ToContainTextAsync("30% (");
        await Assertions.Expect(result.GetByTestId("backtest-note")).ToContainTextAsync("Not checked: keywords");
        await AxeCleanAsync(page, $"/upwork/connection backtest ({theme})");
    }

    private static async Task AxeCleanAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where} [{v.Impact}] {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ShouldBeEmpty();
    }
}
