using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Features.GenerateDemoPostings;

namespace BrowserTests.Journeys;

/// <summary>
/// The first ten minutes, done the fast way (issue 25): every form is filled the instant it appears after a link, as a
/// password manager or a quick typist does, and nothing typed is lost; a profile is pasted; a job opens in a new tab.
/// </summary>
public sealed class NewcomerJourneyTests(FirstRunBrowserFixture fixture) : IClassFixture<FirstRunBrowserFixture>
{
    private const string PastedProfile = """
        Ana S.
        Lisbon, Portugal – 6:32 pm local time
        Senior Python Developer | Data pipelines and web scraping
        $55.00/hr
        I automate data pipelines for e-commerce and logistics teams in Python and PostgreSQL.
        Portfolio (2)
        Supplier catalogue scraper for a retail chain
        Nightly ETL for a logistics startup
        Skills
        Python
        Web Scraping
        PostgreSQL
        Pandas
        Employment history
        Data Engineer | Northwind
        March 2017 - Present
        """;

    [Fact]
    public async Task A_newcomer_types_at_once_everywhere_pastes_a_profile_opens_a_job_in_a_new_tab_and_writes_a_letter()
    {
        var page = await fixture.NewPageAsync();
        var email = $"newcomer-{Guid.NewGuid():N}@example.com";

        // Register by typing the moment the page is there (no wait for anything else), then submit.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create one" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Create your account");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(SignedInClient.DefaultPassword);
        await BrowserFixture.FillSetupTokenIfAskedAsync(page);
        (await page.GetByLabel("Email").InputValueAsync()).ShouldBe(email);
        await page.GetByTestId("register-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/", 45_000);
        await page.Locator("[data-interactive=true]").WaitForAsync();

        // The writer without a profile says what the letter lacks and links to the one step that fixes it.
        await RunDemoFeedAsync();
        var jobId = await FirstJobIdAsync(page);
        await BrowserFixture.GotoInteractiveAsync(page, $"/ai/write/{jobId}");
        await Assertions.Expect(page.GetByTestId("write-no-profile")).ToContainTextAsync("No profile yet");
        await page.GetByTestId("write-add-profile").ClickAsync();

        // The profile page, reached by that link: paste at once.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profiles$"));
        var paste = page.GetByLabel("Your Upwork profile page's text");
        await paste.FillAsync(PastedProfile);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(paste).ToHaveValueAsync(PastedProfile.Replace("\r", "", StringComparison.Ordinal));
        await page.GetByTestId("profile-paste-read").ClickAsync();

        // The preview to correct: the fields read from the paste, editable before saving.
        await Assertions.Expect(page.GetByTestId("profile-paste-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Senior Python Developer | Data pipelines and web scraping");
        await Assertions.Expect(page.GetByLabel("Hourly rate ($)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^55(\.00)?$"));
        await Assertions.Expect(page.GetByLabel("Project 1 title")).ToHaveValueAsync("Supplier catalogue scraper for a retail chain");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Senior Python developer: data pipelines and scraping");
        await page.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-row-title")).ToContainTextAsync("Senior Python developer: data pipelines and scraping");
        await BrowserFixture.ScreenshotAsync(page, "journey7-01-profile-from-paste");

        // Job titles are links: Ctrl+click opens the job's own page in a new tab; the list stays where it was.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        var title = page.GetByTestId("job-card").First.GetByTestId("open-job");
        var href = await title.GetAttributeAsync("href");
        href.ShouldNotBeNull();
        href.ShouldStartWith("/jobs/");
        var newTab = await page.Context.RunAndWaitForPageAsync(() => title.ClickAsync(new() { Modifiers = [KeyboardModifier.Control] }));
        await BrowserFixture.WaitForPathAsync(newTab, href);
        await Assertions.Expect(newTab.GetByTestId("job-detail")).ToBeVisibleAsync();
        await Assertions.Expect(newTab.Locator("h1")).ToHaveTextAsync(await title.InnerTextAsync());
        new Uri(page.Url).AbsolutePath.ShouldBe("/upwork/jobs");

        // A plain click still opens the quick look, with its address in the bar.
        await title.ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-detail")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]job=" + href["/jobs/".Length..]));

        // Times read as people read them, with the exact time on hover.
        var posted = page.GetByTestId("job-card").First.Locator("time");
        await Assertions.Expect(posted).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Posted (just now|\d+ min ago)$"));
        (await posted.GetAttributeAsync("title")).ShouldNotBeNullOrEmpty();

        // From the job's page in the new tab, the letter is written from the pasted profile.
        await newTab.GetByTestId("write-letter").ClickAsync();
        await newTab.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(newTab.GetByTestId("write-no-profile")).ToHaveCountAsync(0);
        await newTab.GetByTestId("write-generate").ClickAsync();
        await Assertions.Expect(newTab.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        (await newTab.GetByLabel("Cover letter").InputValueAsync()).Length.ShouldBeGreaterThan(200);
        await BrowserFixture.ScreenshotAsync(newTab, "journey7-02-letter-from-new-tab");
    }

    private async Task<string> FirstJobIdAsync(IPage page)
    {
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        var href = await page.GetByTestId("job-card").First.GetByTestId("open-job").GetAttributeAsync("href");
        return href!["/jobs/".Length..];
    }

    private async Task RunDemoFeedAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoFeed>().RunAsync(CancellationToken.None);
    }
}
