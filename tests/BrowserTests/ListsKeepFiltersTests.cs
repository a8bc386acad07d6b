using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>Every list keeps its filters in the address (issue 25): a reload, a shared link or Back shows the same list.</summary>
public sealed class ListsKeepFiltersTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_proposals_view_and_status_filter_survive_a_reload()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        foreach (var title in new[] { "Elixir chat backend", "Svelte dashboard polish" })
        {
            await page.GetByTestId("paste-job").ClickAsync();
            await page.GetByLabel("Job text").FillAsync($"{title}\n\nHourly $40 - $60\nWe need help.");
            await page.GetByTestId("paste-extract").ClickAsync();
            await page.GetByTestId("paste-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("paste-dialog")).ToHaveCountAsync(0);
            await page.GetByTestId("job-card").Filter(new() { HasText = title }).GetByTestId("track-job").ClickAsync();
        }

        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        var elixir = page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = "Elixir chat backend" });
        await elixir.GetByTestId("move-menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Submitted" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-submitted").GetByTestId("proposal-card")).ToHaveCountAsync(1);

        // The move menu has closed before the view changes; the address changes before the page re-renders, so the list
        // (and the board gone, whose "move to another status" menus also answer to "Status") is waited for as well.
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveCountAsync(0);
        await page.GetByLabel("View").GetByText("List", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("proposal-list")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("proposal-board")).ToHaveCountAsync(0);
        await BrowserFixture.WaitForAddressContainingAsync(page, "view=list");
        await page.GetByLabel("Status", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Submitted" }).ClickAsync();
        await BrowserFixture.WaitForAddressContainingAsync(page, "status=submitted");
        var rows = page.GetByTestId("proposal-list").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("proposal-board")).ToHaveCountAsync(0);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Elixir chat backend");
        new Uri(page.Url).Query.ShouldContain("status=submitted");
    }

    [Fact]
    public async Task The_analytics_period_survives_a_reload()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/analytics");
        var report = page.GetByRole(AriaRole.Link, new() { Name = "Printable report" });
        await Assertions.Expect(report).ToHaveAttributeAsync("href", "/analytics/report?days=30");

        await page.GetByText("7 days", new() { Exact = true }).ClickAsync();
        await BrowserFixture.WaitForAddressContainingAsync(page, "days=7");
        await Assertions.Expect(report).ToHaveAttributeAsync("href", "/analytics/report?days=7");

        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(report).ToHaveAttributeAsync("href", "/analytics/report?days=7");
    }
}
