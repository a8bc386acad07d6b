using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace BrowserTests;

public sealed class AnalyticsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_open_dashboard_updates_by_itself_when_a_proposal_changes_status()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(page, user.Email, user.Password);
        await BrowserFixture.WaitForPathAsync(page, "/");
        await BrowserFixture.GotoInteractiveAsync(page, "/analytics");
        var sent = page.GetByTestId("kpi-proposals_sent").GetByTestId("kpi-value");
        await Assertions.Expect(sent).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByText("No numbers yet")).ToBeVisibleAsync();

        var job = JsonDocument.Parse(await (await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = "Live dashboard job" })).Content.ReadAsStringAsync());
        var jobId = job.RootElement.GetProperty("data").GetProperty("id").GetGuid();
        var proposal = JsonDocument.Parse(await (await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, connectsSpent = 12 })).Content.ReadAsStringAsync());
        var id = proposal.RootElement.GetProperty("data").GetProperty("id").GetGuid();
        (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status = "submitted" })).EnsureSuccessStatusCode();

        await Assertions.Expect(sent).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("kpi-connects_spent").GetByTestId("kpi-value")).ToHaveTextAsync("12");

        (await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{id}", new { jobPostingId = jobId, status = "hired" })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("kpi-hire_rate").GetByTestId("kpi-value")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.GetByTestId("funnel-table")).ToContainTextAsync("Hired");
        await BrowserFixture.ScreenshotAsync(page, "analytics-dashboard");

        // The printable report has the same numbers, and nothing of the app's chrome when printed.
        await BrowserFixture.GotoInteractiveAsync(page, "/analytics/report?days=30");
        await Assertions.Expect(page.GetByTestId("report")).ToContainTextAsync("Proposals sent");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("report").Locator("tr", new() { HasText = "Hire rate" })).ToContainTextAsync("100%");
        await page.PdfAsync(new() { Path = Path.Combine(TestEnvironment.ArtifactsDirectory, "screenshots", "analytics-report.pdf") });
    }
}
