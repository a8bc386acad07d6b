using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Upwork.Data;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;

namespace BrowserTests.Journeys;

/// <summary>
/// Issue 24, claiming: two bidders have the same job open; one claims it and the other's page says who claimed it and
/// when, without a reload, as does the card of the job on a third teammate's Jobs list; the other asks to take it over,
/// and the claimer, seeing the request live, hands it over.
/// </summary>
public sealed class ClaimJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_bidder_claims_a_job_the_teammate_sees_it_live_asks_to_take_over_and_gets_it()
    {
        var (lead, _) = await fixture.NewSignedInPageAsync();   // the workspace's admin, watching the Jobs list
        var (anna, annaEmail) = await fixture.NewSignedInPageAsync();
        var (ben, benEmail) = await fixture.NewSignedInPageAsync();
        var draft = DemoJobGenerator.Create(new Random(24), DateTimeOffset.UtcNow) with { Title = "Claim journey job " + Guid.NewGuid().ToString("N")[..6] };
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IngestJobPostings>().RunAsync([draft], CancellationToken.None);
        Guid jobId;
        await using (var db = await fixture.App.CreateDbContextAsync())
            jobId = await db.Set<JobPosting>().Where(j => j.UpworkJobId == draft.SourceId).Select(j => j.Id).SingleAsync();

        await BrowserFixture.GotoInteractiveAsync(lead, "/upwork/jobs");
        var card = lead.GetByTestId("job-card").Filter(new() { HasText = draft.Title });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("card-claim")).ToHaveCountAsync(0);
        await BrowserFixture.GotoInteractiveAsync(ben, $"/jobs/{jobId}");
        await Assertions.Expect(ben.GetByTestId("job-claim")).ToContainTextAsync("Nobody on the team has claimed this job");
        await Assertions.Expect(ben.GetByTestId("write-letter")).ToBeVisibleAsync();
        await BrowserFixture.GotoInteractiveAsync(anna, $"/jobs/{jobId}");
        await anna.GetByTestId("claim-job").ClickAsync();
        await Assertions.Expect(anna.GetByTestId("job-claim")).ToContainTextAsync("You claimed this job");

        // Ben's open page follows without a reload: who, and how long ago.
        await Assertions.Expect(ben.GetByTestId("claimed-by")).ToContainTextAsync($"Claimed by {annaEmail}, just now");
        await Assertions.Expect(ben.GetByTestId("write-letter")).ToHaveCountAsync(0);   // not Ben's to write for now
        await BrowserFixture.ScreenshotAsync(ben, "claim-01-claimed-by-teammate");
        await Assertions.Expect(card.GetByTestId("card-claim")).ToHaveTextAsync($"Claimed by {annaEmail}, just now");   // the list's card too
        await ben.GetByTestId("ask-takeover").ClickAsync();

        await Assertions.Expect(anna.GetByTestId("takeover-request")).ToContainTextAsync($"{benEmail} asks to take it over");
        await anna.GetByTestId("hand-over").ClickAsync();

        await Assertions.Expect(ben.GetByTestId("job-claim")).ToContainTextAsync("You claimed this job");
        await Assertions.Expect(ben.GetByTestId("write-letter")).ToBeVisibleAsync();
        await Assertions.Expect(anna.GetByTestId("claimed-by")).ToContainTextAsync($"Claimed by {benEmail}");
        await Assertions.Expect(anna.GetByTestId("write-letter")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(anna, "claim-02-handed-over");
        await Assertions.Expect(card.GetByTestId("card-claim")).ToHaveTextAsync($"Claimed by {benEmail}, just now");
        await BrowserFixture.ScreenshotAsync(lead, "claim-03-card-on-the-jobs-list");
    }
}
