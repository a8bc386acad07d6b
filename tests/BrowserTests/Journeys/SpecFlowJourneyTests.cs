using FakeAi;
using Microsoft.Playwright;

namespace BrowserTests.Journeys;

/// <summary>The production shape: PostgreSQL and Redis, with the fake OpenAI server streaming slowly enough to watch.</summary>
public sealed class PostgresAiBrowserFixture : BrowserFixture
{
    public PostgresAiBrowserFixture() => Fake = FakeAiServer.StartAsync().GetAwaiter().GetResult();

    public FakeAiServer Fake { get; }

    protected override DatabaseKind Database => DatabaseKind.Postgres;

    protected override IDictionary<string, string?>? Settings => FakeSettings.OpenAIThenOffline(Fake)
        .With(("Redis:Connection", TestEnvironment.Redis), ("Redis:Prefix", "ua-journey-" + Guid.NewGuid().ToString("N")[..8]));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>Journey 1, the original specification's own flow (docs/specification.md), on PostgreSQL + Redis.</summary>
public sealed class SpecFlowJourneyTests(PostgresAiBrowserFixture fixture) : IClassFixture<PostgresAiBrowserFixture>
{
    [Fact]
    public async Task Register_sign_in_search_python_open_the_job_stream_a_scored_letter_and_save_it_to_the_board()
    {
        fixture.Fake.Script.Reset();
        fixture.Fake.Script.ChunkDelay = TimeSpan.FromMilliseconds(60);
        var email = $"spec-{Guid.NewGuid():N}@example.com";

        // Register, sign out, sign in again.
        var page = await fixture.NewPageAsync();
        await BrowserFixture.RegisterAsync(page, email, SignedInClient.DefaultPassword);
        await BrowserFixture.ScreenshotAsync(page, "journey1-01-registered");
        await page.GetByTestId("sign-out").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, email, SignedInClient.DefaultPassword);
        await BrowserFixture.WaitForPathAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(email);

        // Two jobs in the feed (pasted: no Upwork account in this journey); the search for "Python" keeps one.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        foreach (var text in new[]
                 {
                     "Python data pipeline for a logistics startup\n\nFixed price $1,200\nWe need a Python developer for an ETL pipeline with pandas and Airflow.",
                     "Logo design for a bakery\n\nFixed price $150\nWe need a friendly logo in two colours.",
                 })
        {
            await page.GetByTestId("paste-job").ClickAsync();
            await page.GetByLabel("Job text").FillAsync(text);
            await page.GetByTestId("paste-extract").ClickAsync();
            await page.GetByTestId("paste-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("paste-dialog")).ToHaveCountAsync(0);
        }
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(2);
        await page.GetByLabel("Search jobs").FillAsync("Python");
        await BrowserFixture.WaitForAddressContainingAsync(page, "q=Python");
        await Assertions.Expect(page.GetByTestId("job-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("job-card")).ToContainTextAsync("Python data pipeline");
        await BrowserFixture.ScreenshotAsync(page, "journey1-02-search-python");

        // Open the first job, then its writer.
        await page.GetByTestId("job-card").First.GetByTestId("open-job").ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-detail")).ToContainTextAsync("Python data pipeline");
        await BrowserFixture.ScreenshotAsync(page, "journey1-03-job-detail");
        await page.GetByTestId("write-letter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("write-job-title")).ToHaveTextAsync("Python data pipeline for a logistics startup");

        // Generate: the letter streams in (part of it is visible before the end), then it is scored.
        await page.GetByTestId("write-generate").ClickAsync();
        var editor = page.GetByLabel("Cover letter");
        await Assertions.Expect(page.GetByTestId("write-provider")).ToContainTextAsync("Writing with OpenAI");
        await Assertions.Expect(editor).Not.ToHaveValueAsync("");
        var partial = (await editor.InputValueAsync()).Length;
        await BrowserFixture.ScreenshotAsync(page, "journey1-04-streaming");
        await Assertions.Expect(page.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("write-score")).ToContainTextAsync("Quality");
        var letter = await editor.InputValueAsync();
        partial.ShouldBeLessThan(letter.Length, "the letter did not stream: it arrived all at once");
        letter.Trim().ShouldBe(FakeAiScript.DefaultReply(fixture.Fake.Received.Last(FakeAiProviders.OpenAI)!).Trim());
        await BrowserFixture.ScreenshotAsync(page, "journey1-05-scored");

        // Save as a proposal: it is on the board.
        await page.GetByTestId("write-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as a draft on your proposals board.")).ToBeVisibleAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        await Assertions.Expect(page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = "Python data pipeline" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey1-06-board");
    }
}
