using Microsoft.Playwright;

namespace BrowserTests;

public sealed class ShellJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_user_follows_the_navigation_to_every_section_and_toggles_the_theme()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await BrowserFixture.GotoInteractiveAsync(page, "/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Dashboard");

        foreach (var (key, heading, path) in new[]
                 {
                     ("jobs", "Jobs", "/upwork/jobs"), ("proposals", "Proposals", "/upwork/proposals"), ("upwork", "Upwork", "/upwork/connection"), ("ai", "AI writer", "/ai"),
                     ("analytics", "Analytics", "/analytics"), ("profiles", "Freelancer profiles", "/profiles"), ("settings", "Settings", "/settings"), ("dashboard", "Dashboard", "/"),
                 })
        {
            await page.Locator($"[data-testid=nav-{key}]").ClickAsync();
            await BrowserFixture.WaitForPathAsync(page, path);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        }
        await BrowserFixture.ScreenshotAsync(page, "dashboard-light");

        var layout = page.Locator(".mud-layout");
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "dark");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.mud-main-content')).backgroundColor || getComputedStyle(document.body).backgroundColor");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-dark");

        // Remembered: a reload (a new circuit) comes back dark, already in the prerendered HTML.
        var response = await page.ReloadAsync();
        (await response!.TextAsync()).ShouldContain("data-theme=\"dark\"");
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "dark");

        background.ShouldNotBeNullOrEmpty();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_no_choice_made_the_theme_follows_a_dark_os()
    {
        var (page, _) = await fixture.NewSignedInPageAsync(colorScheme: ColorScheme.Dark);

        await BrowserFixture.GotoInteractiveAsync(page, "/settings");

        await Assertions.Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-theme", "dark");
    }

    [Fact]
    public async Task On_a_375px_phone_the_drawer_opens_from_the_menu_and_pages_fit_the_screen()
    {
        var (page, _) = await fixture.NewSignedInPageAsync(375, 812);
        await BrowserFixture.GotoInteractiveAsync(page, "/");

        var jobsLink = page.Locator("[data-testid=nav-jobs]");
        var toggle = page.Locator("[data-testid=drawer-toggle]");
        // Once the layout has measured the screen, the drawer is closed and says so.
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(jobsLink).Not.ToBeInViewportAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(jobsLink).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "phone-drawer-open");
        await jobsLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Jobs");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "phone-jobs");
    }

    [Fact]
    public async Task An_unknown_address_shows_the_friendly_not_found_page_inside_the_shell()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByText("This page does not exist")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-dashboard]")).ToBeVisibleAsync();
    }
}
