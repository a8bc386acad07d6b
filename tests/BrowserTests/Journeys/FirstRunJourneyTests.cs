using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Features.GenerateDemoPostings;

namespace BrowserTests.Journeys;

/// <summary>A brand-new install as shipped: demo feed on, no Upwork account, no AI key (so the offline writer).</summary>
public sealed class FirstRunBrowserFixture : BrowserFixture
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Ai:OpenAI:ApiKey"] = "",
        ["Ai:Anthropic:ApiKey"] = "",
        ["Ai:OpenAICompatible:BaseUrl"] = "",
    };
}

/// <summary>Journey 2: first run.</summary>
public sealed class FirstRunJourneyTests(FirstRunBrowserFixture fixture) : IClassFixture<FirstRunBrowserFixture>
{
    [Fact]
    public async Task A_new_install_shows_demo_jobs_arriving_live_writes_offline_and_says_what_to_do_next()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();

        // The dashboard of an empty install explains the next steps.
        await BrowserFixture.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get started" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Connect your Upwork account, or paste a job by hand")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Save a search to get live alerts for matching jobs")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-jobs")).ToHaveTextAsync("0");
        await BrowserFixture.ScreenshotAsync(page, "journey2-01-empty-dashboard");

        // The demo feed's first batch and then a trickle (scheduled jobs are off in tests: run the feed as its job would)
        // arrive on the open dashboard without a reload, labelled as demo jobs.
        await RunDemoFeedAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-jobs")).Not.ToHaveTextAsync("0");
        var first = int.Parse(await page.GetByTestId("dashboard-jobs").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("demo-chip").First).ToBeVisibleAsync();
        await RunDemoFeedAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-jobs")).ToHaveTextAsync((first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(page, "journey2-02-demo-jobs-arrived");

        // The same jobs on the open Jobs page, live too.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(first + 1);
        await RunDemoFeedAsync();
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(first + 2);

        // With no key anywhere, the offline writer writes the letter.
        await page.GetByTestId("job-card").First.GetByTestId("open-job").ClickAsync();
        await page.GetByTestId("write-letter").ClickAsync();
        await page.GetByTestId("write-generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("write-provider")).ToContainTextAsync("Written by Offline writer");
        (await page.GetByLabel("Cover letter").InputValueAsync()).Length.ShouldBeGreaterThan(200);
        await BrowserFixture.ScreenshotAsync(page, "journey2-03-offline-letter");
    }

    private async Task RunDemoFeedAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoFeed>().RunAsync(CancellationToken.None);
    }
}
