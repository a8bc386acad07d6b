using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Data;

namespace BrowserTests;

/// <summary>
/// Screening questions on the write page (issue 21, part 5): a job from the fake Upwork that asks two questions shows an
/// answer drafted for each beside the letter, and the answers (as the user left them) fill the submit dialog's boxes;
/// the write page with its answers and the dialog are axe-clean in the light and the dark theme.
/// </summary>
public sealed class ScreeningAnswersJourneyTests(UpworkBrowserFixture fixture) : IClassFixture<UpworkBrowserFixture>
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Drafted_answers_on_the_write_page_are_pre_filled_in_the_submit_dialog(string theme)
    {
        var (page, _) = await fixture.NewSignedInPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        page.Context.SetDefaultTimeout(45_000);
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/connection");
        await page.GetByTestId("upwork-connect").ClickAsync();   // → fake Upwork consent (auto-approved) → our callback
        await BrowserFixture.WaitForPathAsync(page, "/upwork/connection");
        await Assertions.Expect(page.GetByTestId("upwork-connected-alert")).ToBeVisibleAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        var keyword = "scr" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Screening watch");
        await page.GetByLabel("Keywords").FillAsync(keyword);
        await page.GetByTestId("add-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-search")).ToHaveCountAsync(1);

        // The client's questions are untrusted text: one carries markup, which must show as text, never as HTML.
        string[] questions = ["Have you built a <b>Django</b> API before? <img src=x onerror=alert(1)>", "Please include a link to similar work."];
        var remote = fixture.Fake.State.GenerateJob(j =>
        {
            j.Title = $"{keyword} Django API for a bakery";
            j.ScreeningQuestions = [.. questions];
        });
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Modules.Upwork.Features.SyncJobPostings.SyncJobPostings>().RunDueAsync(CancellationToken.None);
        Guid jobId;
        await using (var db = await fixture.App.CreateDbContextAsync())
            jobId = await db.Set<JobPosting>().Where(j => j.UpworkJobId == remote.Id).Select(j => j.Id).SingleAsync();

        // The write page reads the questions live and drafts an answer to each before any letter is written.
        await BrowserFixture.GotoInteractiveAsync(page, $"/ai/write/{jobId}");
        var panel = page.GetByTestId("write-screening");
        await Assertions.Expect(panel.GetByTestId("write-screening-item")).ToHaveCountAsync(2);
        await Assertions.Expect(panel).ToContainTextAsync("Django");
        await Assertions.Expect(panel.Locator("b, img")).ToHaveCountAsync(0);
        var first = panel.GetByLabel(questions[0]);
        var second = panel.GetByLabel(questions[1]);
        await Assertions.Expect(first).Not.ToHaveValueAsync("");
        await Assertions.Expect(second).Not.ToHaveValueAsync("");

        // A letter is written (the offline writer: no AI key here); its answers go to their boxes, not into the letter.
        await page.GetByTestId("write-generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var letter = await page.GetByLabel("Cover letter").InputValueAsync();
        letter.ShouldNotContain("Answers to screening questions:");
        await Assertions.Expect(second).Not.ToHaveValueAsync("");
        var drafted = await second.InputValueAsync();
        // The user rewrites the first answer in their own words; the second stays as drafted.
        const string own = "Yes: three REST APIs with Django REST framework, the last one for a chain of shops.";
        await first.FillAsync(own);
        await Assertions.Expect(first).ToHaveValueAsync(own);
        await AxeCleanAsync(page, $"/ai/write with screening answers ({theme})");
        await BrowserFixture.ScreenshotAsync(page, $"screening-answers-write-{theme}");
        await page.GetByTestId("write-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as a draft on your proposals board.")).ToBeVisibleAsync();

        // The submit dialog reads the questions again and starts from the answers kept with the draft.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        var card = page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = keyword });
        await card.GetByRole(AriaRole.Button, new() { Name = "Details" }).ClickAsync();
        await page.GetByTestId("proposal-submit").ClickAsync();
        var dialog = page.Locator(".mud-dialog").Filter(new() { HasText = "Submit to Upwork?" });
        await Assertions.Expect(dialog.GetByTestId("screening-answer")).ToHaveCountAsync(2);
        await Assertions.Expect(dialog.GetByLabel(questions[0])).ToHaveValueAsync(own);
        await Assertions.Expect(dialog.GetByLabel(questions[1])).ToHaveValueAsync(drafted);
        await Assertions.Expect(dialog.Locator("b, img")).ToHaveCountAsync(0);
        await Assertions.Expect(dialog).ToContainTextAsync("kept with this draft");
        await AxeCleanAsync(page, $"submit dialog with screening answers ({theme})");
        await BrowserFixture.ScreenshotAsync(page, $"screening-answers-submit-dialog-{theme}");
    }

    private static async Task AxeCleanAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A toast is the app's, not this page's (its contrast is checked where it belongs): let it go first.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where} [{v.Impact}] {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ShouldBeEmpty();
    }
}
