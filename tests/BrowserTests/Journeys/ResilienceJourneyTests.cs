using System.Text.Json;
using Microsoft.Playwright;

namespace BrowserTests.Journeys;

/// <summary>
/// An app whose server can be stopped and started again on the same port, data folder and SQLite file, like a
/// restarted process: the in-process Kestrel host is disposed (circuits, sockets and memory gone) and a new one built.
/// </summary>
public sealed class RestartableBrowserFixture : BrowserFixture
{
    private readonly int _port = TestEnvironment.FreePort();
    private readonly string _data = TestEnvironment.NewTempDirectory("ua-restart");

    protected override int KestrelPort => _port;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Upwork:Demo:Enabled"] = "false",
        ["Ai:ProviderOrder"] = "offline",
        // Open circuits would hold a graceful stop for the default 30 s.
        ["shutdownTimeoutSeconds"] = "2",
    };

    protected override AppFactory CreateApp() => new(Database, Settings, kestrel: true, kestrelPort: KestrelPort, dataDirectory: _data);

    public Task StopServerAsync() => App.DisposeAsync().AsTask();

    public async Task StartServerAsync()
    {
        App = CreateApp();
        await App.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Journey 6 (resilience) and the installable-app checks.</summary>
public sealed class ResilienceJourneyTests(RestartableBrowserFixture fixture) : IClassFixture<RestartableBrowserFixture>
{
    [Fact]
    public async Task A_server_restart_while_editing_a_letter_shows_the_reconnect_ui_and_the_draft_survives()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        // The service worker installs on the first pages; wait for it so the offline page can be served later.
        await page.EvaluateAsync("navigator.serviceWorker.ready.then(() => true)");

        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync("Resilient Python scraper\n\nFixed price $700\nWe need a Python developer for a scraper with retries.");
        await page.GetByTestId("paste-extract").ClickAsync();
        await page.GetByTestId("paste-save").ClickAsync();
        await page.GetByTestId("job-card").Filter(new() { HasText = "Resilient Python scraper" }).GetByTestId("open-job").ClickAsync();
        await page.GetByTestId("write-letter").ClickAsync();
        await page.GetByTestId("write-generate").WaitForAsync();
        var writerUrl = page.Url;

        // The user types a letter by hand.
        var marker = "Draft " + Guid.NewGuid().ToString("N")[..8];
        var editor = page.GetByLabel("Cover letter");
        await editor.ClickAsync();
        await editor.PressSequentiallyAsync($"Hello! {marker}: I have built three scrapers like this one.");
        await Assertions.Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(marker));
        await BrowserFixture.ScreenshotAsync(page, "journey6-01-editing");

        // The server goes away: the branded reconnect dialog appears over the page.
        await fixture.StopServerAsync();
        var modal = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(modal.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Connection to the server lost");
        await BrowserFixture.ScreenshotAsync(page, "journey6-02-reconnect-ui", fullPage: false);   // the modal sits in the top layer

        // Meanwhile a page opened in another tab gets the offline page from the service worker.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/upwork/proposals");
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("You are offline");
        await BrowserFixture.ScreenshotAsync(other, "journey6-03-offline-page");

        // The server comes back (same port, same database): the circuit is gone, so the page reloads itself, and the
        // letter comes back from the browser's storage. The offline tab retries on its own and shows the real page.
        await fixture.StartServerAsync();
        var restored = page.GetByTestId("write-restored");
        var retry = page.Locator("#components-reconnect-button");
        await Eventually.HoldsAsync(async () =>
        {
            // After the last automatic attempt Blazor offers "Retry now"; a user would press it.
            if (await retry.IsVisibleAsync()) await retry.ClickAsync();
            return await restored.IsVisibleAsync();
        }, "the writer reloaded with the draft restored", TimeSpan.FromSeconds(60));
        page.Url.ShouldBe(writerUrl);
        await Assertions.Expect(page.GetByLabel("Cover letter")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(marker));
        await BrowserFixture.ScreenshotAsync(page, "journey6-04-draft-restored");
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Proposals", new() { Timeout = 30_000 });

        // The server keeps its own copy a moment after typing stops: with the browser's storage cleared (as on another
        // device), the letter still comes back, from the server.
        var editorAgain = page.GetByLabel("Cover letter");
        await editorAgain.PressSequentiallyAsync(" Kept twice.");
        var both = new System.Text.RegularExpressions.Regex(marker + ".*Kept twice\\.");
        for (var attempt = 0; ; attempt++)
        {
            await page.EvaluateAsync("Object.keys(localStorage).filter(k => k.startsWith('ua-draft:')).forEach(k => localStorage.removeItem(k))");
            await BrowserFixture.GotoInteractiveAsync(page, new Uri(writerUrl).PathAndQuery);
            try
            {
                await Assertions.Expect(page.GetByLabel("Cover letter")).ToHaveValueAsync(both, new() { Timeout = 3000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 10)
            {
                // Not saved on the server yet (it waits for typing to stop): look again.
            }
        }
        await Assertions.Expect(page.GetByTestId("write-restored")).ToContainTextAsync("kept on the server");
        await BrowserFixture.ScreenshotAsync(page, "journey6-05-draft-from-server");

        // Saved for real, the draft is on the board and no longer kept in the browser.
        await page.GetByTestId("write-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as a draft on your proposals board.")).ToBeVisibleAsync();
        var kept = await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('ua-draft:')).length");
        kept.ShouldBe(0);
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/proposals");
        await Assertions.Expect(page.GetByTestId("column-draft").GetByTestId("proposal-card").Filter(new() { HasText = "Resilient Python scraper" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_app_is_installable_a_manifest_with_icons_and_a_registered_service_worker()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");

        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        href.ShouldNotBeNull();
        var response = await page.APIRequest.GetAsync(href);
        response.Status.ShouldBe(200);
        using var manifest = JsonDocument.Parse(await response.TextAsync());
        var root = manifest.RootElement;
        root.GetProperty("name").GetString().ShouldBe("Upwork AI Assistant");
        root.GetProperty("display").GetString().ShouldBe("standalone");
        root.GetProperty("start_url").GetString().ShouldBe("/");
        var sizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var file = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            file.Status.ShouldBe(200, icon.GetProperty("src").GetString());
            sizes.Add(icon.GetProperty("sizes").GetString()!);
        }
        sizes.ShouldContain("192x192");
        sizes.ShouldContain("512x512");

        var scope = await page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.scope)");
        new Uri(scope).AbsolutePath.ShouldBe("/");
    }
}
