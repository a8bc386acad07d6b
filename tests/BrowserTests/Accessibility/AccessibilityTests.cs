using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BrowserTests.Accessibility;

/// <summary>
/// axe-core on every main page, in the light and the dark theme: no serious or critical violations. Each run writes
/// what axe found (every impact) to TestResults/…/accessibility-{theme}.txt, so minor findings stay visible too.
/// </summary>
public sealed class AccessibilityFixture : BrowserFixture
{
    /// <summary>The install's first account (so the admin pages are checked too), once it has registered.</summary>
    public string? AdminEmail { get; set; }
}

public sealed class AccessibilityTests(AccessibilityFixture fixture) : IClassFixture<AccessibilityFixture>
{
    private static readonly string[] SignedInPages =
    [
        "/", "/upwork/jobs", "/upwork/proposals", "/upwork/connection", "/compliance", "/ai", "/analytics", "/profiles", "/settings",
        "/admin/members", "/admin/business", "/admin/system",
    ];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_main_page_has_no_serious_or_critical_axe_violations(string theme)
    {
        var scheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        var report = new StringBuilder();
        var serious = new List<string>();

        // Signed out: the static sign-in and registration pages, and the offline page the service worker serves.
        var visitor = await fixture.NewPageAsync(colorScheme: scheme);
        foreach (var path in new[] { "/account/login", "/account/register", "/account/forgot-password", "/offline.html" })
        {
            await visitor.GotoAsync(path);
            await visitor.Locator("h1").First.WaitForAsync();
            await CheckAsync(visitor, path, theme, report, serious);
        }
        await visitor.Context.CloseAsync();

        IPage page;
        if (fixture.AdminEmail is null) (page, fixture.AdminEmail) = await fixture.NewSignedInPageAsync(colorScheme: scheme);
        else
        {
            page = await fixture.NewPageAsync(colorScheme: scheme);
            await page.GotoAsync("/account/login");
            await BrowserFixture.SubmitSignInAsync(page, fixture.AdminEmail, SignedInClient.DefaultPassword);
            await BrowserFixture.WaitForPathAsync(page, "/");
        }
        page.Context.SetDefaultTimeout(45_000);   // a dozen pages, each a new circuit, on a shared 2-core machine
        var jobId = await PasteJobAsync(page, $"Accessible Python dashboard {theme}");
        foreach (var path in SignedInPages.Append($"/ai/write/{jobId}"))
        {
            try { await BrowserFixture.GotoInteractiveAsync(page, path); }
            catch (TimeoutException e)
            {
                await BrowserFixture.ScreenshotAsync(page, $"a11y-{theme}-not-interactive");
                throw new TimeoutException($"{path} never became interactive", e);
            }
            await Assertions.Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-theme", theme);
            await page.Locator("h1").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await CheckAsync(page, path, theme, report, serious);
        }

        // The job detail opened from the feed, and the paste dialog (an open dialog traps focus and must be labelled).
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("job-card").First.GetByTestId("open-job").ClickAsync();
        await page.GetByTestId("job-detail").WaitForAsync();
        await CheckAsync(page, "/upwork/jobs (job detail open)", theme, report, serious);

        var path2 = Path.Combine(TestEnvironment.ArtifactsDirectory, $"accessibility-{theme}.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path2)!);
        await File.WriteAllTextAsync(path2, report.ToString());
        serious.ShouldBeEmpty($"axe found serious or critical violations ({theme} theme):\n{string.Join("\n", serious)}");
    }

    internal static async Task CheckAsync(IPage page, string path, string theme, StringBuilder report, List<string> serious)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        report.AppendLine($"== {path} ({theme}): {result.Violations.Length} violation(s)");
        foreach (var v in result.Violations)
        {
            var targets = string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? "?"));
            var line = $"{path} [{v.Impact}] {v.Id}: {v.Help} — {v.Nodes.Length} node(s): {targets}";
            report.AppendLine("  " + line);
            if (v.Impact is not ("serious" or "critical")) continue;
            serious.Add(line);
            foreach (var n in v.Nodes.Take(3))
                report.AppendLine($"    {Shorten(n.Html)} — {Shorten(string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))}");
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text.ReplaceLineEndings(" ") : text[..300].ReplaceLineEndings(" ") + "…";

    private static async Task<string> PasteJobAsync(IPage page, string title)
    {
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");
        await page.GetByTestId("paste-job").ClickAsync();
        await page.GetByLabel("Job text").FillAsync($"{title}\n\nFixed price $900\nWe need a Python developer for charts with Django.");
        await page.GetByTestId("paste-extract").ClickAsync();
        await page.GetByTestId("paste-save").ClickAsync();
        var card = page.GetByTestId("job-card").Filter(new() { HasText = title });
        await card.GetByTestId("open-job").ClickAsync();
        await page.GetByTestId("write-letter").ClickAsync();
        await BrowserFixture.WaitForAddressContainingAsync(page, "/ai/write/");
        return new Uri(page.Url).AbsolutePath.Split('/').Last();
    }
}

/// <summary>Keyboard-only use of the Jobs page, with a focus ring that can be seen.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_jobs_page_works_from_the_keyboard_with_a_visible_focus_ring()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/jobs");

        // Tab until "Paste a job" has focus: it must be reachable, and the focused control must show it.
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("document.activeElement?.closest('[data-testid=paste-job]') != null");
        }
        reached.ShouldBeTrue("'Paste a job' cannot be reached with Tab");
        var ring = await page.EvaluateAsync<string>(
            "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? 'outline' : (s.boxShadow !== 'none' ? 'shadow' : 'none'); })()");
        ring.ShouldNotBe("none", "the focused button shows no focus ring");

        await page.Keyboard.PressAsync("Enter");
        var text = page.GetByLabel("Job text");
        await Assertions.Expect(text).ToBeVisibleAsync();
        await text.FillAsync("Keyboard only Python job\n\nHourly $40 - $60\nWe need Python.");
        // The text box is debounced: "Continue" turns on a moment after typing stops.
        await Assertions.Expect(page.GetByTestId("paste-extract")).ToBeEnabledAsync();
        await page.GetByTestId("paste-extract").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("paste-save").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("job-card").Filter(new() { HasText = "Keyboard only Python job" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "a11y-keyboard-jobs");
    }
}
