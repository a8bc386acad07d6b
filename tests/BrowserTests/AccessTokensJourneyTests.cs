using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BrowserTests.Accessibility;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>
/// Settings → Access tokens (issue 22): a token created with chosen scopes is shown once, works as a bearer token, is
/// listed with its last use and address (never its secret), and stops working the moment it is revoked; the panel is
/// axe-clean in the light and the dark theme.
/// </summary>
public sealed class AccessTokensJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_user_creates_a_scoped_token_sees_it_once_watches_its_use_and_revokes_it(string theme)
    {
        var (page, _) = await fixture.NewSignedInPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await BrowserFixture.GotoInteractiveAsync(page, "/settings");
        var panel = page.GetByTestId("access-tokens");
        await Assertions.Expect(panel.GetByTestId("no-tokens")).ToBeVisibleAsync();

        await panel.GetByLabel("Token name").FillAsync($"Claude Desktop {theme}");
        await panel.GetByText("proposals:read — read proposals").ClickAsync();
        await panel.GetByTestId("token-create").ClickAsync();

        var secret = panel.GetByTestId("token-secret");
        await Assertions.Expect(secret).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^uat_"));
        var token = (await secret.TextContentAsync())!.Trim();
        var row = panel.Locator("tr").Filter(new() { HasText = $"Claude Desktop {theme}" });
        await Assertions.Expect(row).ToContainTextAsync("jobs:read, proposals:read");
        await Assertions.Expect(row.GetByTestId("token-last-used")).ToHaveTextAsync("Never");

        var report = new StringBuilder();
        var serious = new List<string>();
        await AccessibilityTests.CheckAsync(page, "/settings (access token created)", theme, report, serious);
        serious.ShouldBeEmpty(report.ToString());
        await BrowserFixture.ScreenshotAsync(page, $"access-tokens-{theme}");

        using var agent = new HttpClient { BaseAddress = fixture.App.ServerAddress };
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await agent.GetAsync("/api/v1/upwork/proposals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.GetAsync("/api/v1/analytics/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);   // not a scope it was given

        // Shown once: after a reload the secret is gone, and the row says when and from where it was last used.
        await BrowserFixture.GotoInteractiveAsync(page, "/settings");
        await Assertions.Expect(panel.GetByTestId("token-secret")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(token);
        await Assertions.Expect(row.GetByTestId("token-last-used")).ToContainTextAsync("127.0.0.1");

        await row.GetByTestId("token-revoke").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("no-tokens")).ToBeVisibleAsync();
        (await agent.GetAsync("/api/v1/upwork/proposals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("access token revoked");
    }
}
