using FakeUpwork;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>The app on a known port, pointed at the fake Upwork server, whose OAuth client is registered with the app's callback.</summary>
public class UpworkBrowserFixture : BrowserFixture
{
    private readonly int _port = TestEnvironment.FreePort();

    public UpworkBrowserFixture()
    {
        Fake = FakeUpworkServer.StartAsync(new FakeUpworkOptions { SeedJobs = 0 }).GetAwaiter().GetResult();
        Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.RedirectUri = RedirectUri);
    }

    public FakeUpworkServer Fake { get; }

    private string RedirectUri => $"http://127.0.0.1:{_port}/upwork/callback";

    protected override int KestrelPort => _port;

    protected override IDictionary<string, string?>? Settings => FakeSettings.Upwork(Fake, RedirectUri);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed class UpworkJourneyTests(UpworkBrowserFixture fixture) : IClassFixture<UpworkBrowserFixture>
{
    [Fact]
    public async Task A_user_connects_upwork_in_the_browser_saves_a_search_and_sees_the_jobs_arrive()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/connection");
        await Assertions.Expect(page.GetByTestId("no-searches")).ToBeVisibleAsync();

        await page.GetByTestId("upwork-connect").ClickAsync();   // → fake Upwork consent (auto-approved) → our callback
        await BrowserFixture.WaitForAddressContainingAsync(page, "connected=1");
        await Assertions.Expect(page.GetByTestId("upwork-connected-alert")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("upwork-user")).ToContainTextAsync("foofreelancer");
        await Assertions.Expect(page.GetByTestId("token-health")).ToHaveTextAsync("Connected");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        var keyword = "brw" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("My watch");
        await page.GetByLabel("Keywords").FillAsync(keyword);
        await page.GetByTestId("add-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-search")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "upwork-connected");

        // The Jobs page is open when the fake publishes two jobs and the poller (driven directly here: scheduled jobs are
        // off in tests) brings them in: they appear without a reload.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        for (var i = 0; i < 2; i++)
            fixture.Fake.State.GenerateJob(j => j.Title = $"{keyword} integration job {i}");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var sync = scope.ServiceProvider.GetRequiredService<Modules.Upwork.Features.SyncJobPostings.SyncJobPostings>();
            await sync.RunDueAsync(CancellationToken.None);
        }

        await Assertions.Expect(page.GetByTestId("job-card").Filter(new() { HasText = keyword })).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "upwork-jobs-arrived");
    }

    [Fact]
    public async Task Sign_in_with_upwork_from_the_sign_in_page_lands_signed_in()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("signin-upwork").ClickAsync();   // → fake Upwork (auto-approves its test user) → our callback
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        new Uri(page.Url).AbsolutePath.ShouldNotStartWith("/account");
        page.Url.ShouldNotContain("/upwork/callback");
        await BrowserFixture.ScreenshotAsync(page, "upwork-signed-in");
    }

    [Fact]
    public async Task Pasting_a_job_in_the_dialog_shows_the_extracted_fields_and_adds_it_to_the_feed()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync("Flutter developer for a fitness app\n\nFixed-price $2,500\nIntermediate\nWe need Flutter and Firebase experience.");
        await page.GetByTestId("paste-extract").ClickAsync();
        var dialog = page.GetByTestId("paste-dialog").Or(page.Locator(".mud-dialog")).First;
        await Assertions.Expect(dialog.GetByLabel("Title")).ToHaveValueAsync("Flutter developer for a fitness app");
        await Assertions.Expect(dialog.GetByLabel("Skills (comma-separated)")).ToHaveValueAsync("Flutter, Firebase");
        await page.GetByTestId("paste-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-card").Filter(new() { HasText = "Flutter developer for a fitness app" })).ToBeVisibleAsync();
    }
}

public sealed class ProposalBoardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_tracked_job_lands_on_the_board_as_a_draft_and_moves_by_keyboard_menu()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync("Kotlin Android app for a gym\n\nHourly $30 - $50\nWe need Kotlin.");
        await page.GetByTestId("paste-extract").ClickAsync();
        await page.GetByTestId("paste-save").ClickAsync();
        var card = page.GetByTestId("job-card").Filter(new() { HasText = "Kotlin Android app for a gym" });
        await card.GetByTestId("track-job").ClickAsync();
        await Assertions.Expect(page.GetByText("Added to your proposals as a draft.")).ToBeVisibleAsync();

        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        var draft = page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = "Kotlin Android app for a gym" });
        await Assertions.Expect(draft).ToBeVisibleAsync();
        await draft.GetByTestId("move-menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Submitted" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-submitted").GetByTestId("proposal-card").Filter(new() { HasText = "Kotlin Android app for a gym" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "proposal-board");
    }

    [Fact]
    public async Task Searching_puts_the_filters_in_the_address_and_back_undoes_them()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        foreach (var text in new[] { "Rust embedded firmware for sensors\n\nHourly $60 - $90", "Shopify theme tweaks\n\nFixed-price $300" })
        {
            await page.GetByTestId("paste-job").ClickAsync();
            await page.GetByLabel("Job text").FillAsync(text);
            await page.GetByTestId("paste-extract").ClickAsync();
            await page.GetByTestId("paste-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("paste-dialog")).ToHaveCountAsync(0);
        }
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(2);

        await page.GetByLabel("Search jobs").FillAsync("firmware");
        await BrowserFixture.WaitForAddressContainingAsync(page, "q=firmware");
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("job-card")).ToContainTextAsync("Rust embedded firmware");

        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_job_description_is_shown_as_plain_text_with_inert_links_never_as_markup()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync("Hostile markup test job\n\n<img src=x onerror=alert(1)><script>alert(2)</script> <b>bold?</b>\nDocs: https://example.com/spec.");
        await page.GetByTestId("paste-extract").ClickAsync();
        await page.GetByTestId("paste-save").ClickAsync();
        await page.GetByTestId("job-card").Filter(new() { HasText = "Hostile markup test job" }).GetByTestId("open-job").ClickAsync();

        var text = page.GetByTestId("job-detail").GetByTestId("safe-text");
        await Assertions.Expect(text).ToContainTextAsync("<script>alert(2)</script>");
        await Assertions.Expect(text.Locator("script, img, b")).ToHaveCountAsync(0);
        var link = text.Locator("a");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://example.com/spec");
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        dialogs.ShouldBe(0);
    }
}
