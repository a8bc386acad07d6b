using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Data;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;

namespace BrowserTests.Journeys;

/// <summary>
/// Issue 24, the approval queue in the browser: a bidder writes a letter (the offline writer) and sends it for review;
/// the admin, as reviewer, finds it in /review, edits it and approves it; the bidder's open page shows the approval
/// without a reload, and the proposal carries the reviewer's edit. (Submitting the approved letter through the fake
/// Upwork is covered over the API by ReviewQueueTests.)
/// </summary>
public sealed class ReviewJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_bidders_letter_is_edited_and_approved_by_a_reviewer_and_the_bidder_sees_it_live()
    {
        var (reviewer, _) = await fixture.NewSignedInPageAsync();   // the workspace's admin reviews
        var (bidder, _) = await fixture.NewSignedInPageAsync();
        var draft = DemoJobGenerator.Create(new Random(2424), DateTimeOffset.UtcNow) with { Title = "Review journey job " + Guid.NewGuid().ToString("N")[..6] };
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IngestJobPostings>().RunAsync([draft], CancellationToken.None);
        Guid jobId;
        await using (var db = await fixture.App.CreateDbContextAsync())
            jobId = await db.Set<JobPosting>().Where(j => j.UpworkJobId == draft.SourceId).Select(j => j.Id).SingleAsync();

        // The bidder writes and sends the letter for review.
        await BrowserFixture.GotoInteractiveAsync(bidder, $"/ai/write/{jobId}");
        await bidder.GetByTestId("write-generate").ClickAsync();
        await Assertions.Expect(bidder.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await bidder.GetByTestId("write-send-review").First.ClickAsync();
        await Assertions.Expect(bidder.GetByText("Sent for review: you will be told here")).ToBeVisibleAsync();
        await BrowserFixture.GotoInteractiveAsync(bidder, "/review");
        var mine = bidder.GetByTestId("my-review").Filter(new() { HasText = draft.Title });
        await Assertions.Expect(mine.GetByTestId("my-review-state")).ToHaveTextAsync("Waiting for review");
        await BrowserFixture.ScreenshotAsync(bidder, "review-01-sent");

        // The reviewer edits and approves it.
        await BrowserFixture.GotoInteractiveAsync(reviewer, "/review");
        await reviewer.GetByTestId("review-item").Filter(new() { HasText = draft.Title }).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("review-detail")).ToContainTextAsync(draft.Title);
        var letter = reviewer.Locator("[data-testid=review-letter] textarea, textarea[data-testid=review-letter]").First;
        await Assertions.Expect(letter).Not.ToBeEmptyAsync();
        const string Edited = "Hello, I read your brief closely and would start with your data model this week.";
        await letter.FillAsync(Edited);
        await BrowserFixture.ScreenshotAsync(reviewer, "review-02-editing");
        await reviewer.GetByTestId("review-approve").ClickAsync();

        // The bidder's page follows without a reload; the proposal carries the reviewer's edit.
        await Assertions.Expect(mine.GetByTestId("my-review-state")).ToContainTextAsync("Approved by");
        await BrowserFixture.ScreenshotAsync(bidder, "review-03-approved-live");
        await using (var db = await fixture.App.CreateDbContextAsync())
            (await db.Set<Proposal>().Where(p => p.JobPostingId == jobId).Select(p => p.CoverLetter).SingleAsync()).ShouldBe(Edited);
    }
}
