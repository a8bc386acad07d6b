using FakeAi;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>The app pointed at the fake OpenAI server (OpenAI first in the chain), which streams slowly enough to watch.</summary>
public sealed class AiBrowserFixture : BrowserFixture
{
    public AiBrowserFixture() => Fake = FakeAiServer.StartAsync().GetAwaiter().GetResult();

    public FakeAiServer Fake { get; }

    protected override IDictionary<string, string?>? Settings => FakeSettings.OpenAIThenOffline(Fake);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed class AiJourneyTests(AiBrowserFixture fixture) : IClassFixture<AiBrowserFixture>
{
    /// <summary>Pastes a job in the Jobs page, opens it, and follows "Write cover letter" to the writer.</summary>
    private static async Task OpenWriterAsync(IPage page, string title)
    {
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync($"{title}\n\nFixed price $900\nWe need a Python developer for an ETL pipeline with Django.");
        await page.GetByTestId("paste-extract").ClickAsync();
        await page.GetByTestId("paste-save").ClickAsync();
        await page.GetByTestId("job-card").Filter(new() { HasText = title }).GetByText(title).First.ClickAsync();
        await page.GetByTestId("write-letter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("write-job-title")).ToHaveTextAsync(title);
        await page.GetByTestId("write-generate").WaitForAsync();
    }

    [Fact]
    public async Task A_letter_streams_into_the_editor_word_by_word_then_is_scored_and_saved_as_a_draft()
    {
        fixture.Fake.Script.Reset();
        fixture.Fake.Script.ChunkDelay = TimeSpan.FromMilliseconds(60);
        var (page, _) = await fixture.NewSignedInPageAsync();
        await OpenWriterAsync(page, "Python ETL pipeline for a freight startup");

        await page.GetByTestId("write-generate").ClickAsync();

        var editor = page.GetByLabel("Cover letter");
        await Assertions.Expect(page.GetByTestId("write-provider")).ToContainTextAsync("Writing with OpenAI");
        await Assertions.Expect(editor).Not.ToHaveValueAsync("");
        var early = (await editor.InputValueAsync()).Length;
        await Assertions.Expect(page.GetByTestId("write-progress")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "ai-streaming");
        await Assertions.Expect(page.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var final = await editor.InputValueAsync();
        // The editor showed part of the letter before the whole arrived.
        early.ShouldBeLessThan(final.Length);
        final.Trim().ShouldBe(FakeAiScript.DefaultReply(fixture.Fake.Received.Last(FakeAiProviders.OpenAI)!).Trim());
        await Assertions.Expect(page.GetByTestId("write-provider")).ToContainTextAsync("Written by OpenAI · gpt-4o");
        await BrowserFixture.ScreenshotAsync(page, "ai-letter-done");

        await page.GetByTestId("write-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as a draft on your proposals board.")).ToBeVisibleAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        await Assertions.Expect(page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = "Python ETL pipeline for a freight startup" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cancel_stops_the_writing_and_the_providers_stream()
    {
        fixture.Fake.Script.Reset();
        fixture.Fake.Received.Reset();
        fixture.Fake.Script.ChunkDelay = TimeSpan.FromMilliseconds(250);
        var (page, _) = await fixture.NewSignedInPageAsync();
        await OpenWriterAsync(page, "Django admin clean-up for a clinic");

        await page.GetByTestId("write-generate").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Cover letter")).Not.ToHaveValueAsync("");
        await page.GetByTestId("write-cancel").ClickAsync();

        await Assertions.Expect(page.GetByTestId("write-notice")).ToContainTextAsync("Cancelled");
        (await fixture.Fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1, TimeSpan.FromSeconds(15))).ShouldBeTrue("the provider kept streaming");
        await Assertions.Expect(page.GetByTestId("write-generate")).ToBeVisibleAsync();
    }
}
