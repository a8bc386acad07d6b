using Microsoft.Playwright;

namespace LoadClient;

/// <summary>Debian's Chromium through Playwright's bundled driver (no browser download), and the app's sign-in form.</summary>
internal static class Browsers
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("UA_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        // Polled, not awaited as an event: WaitForURLAsync can miss a navigation (docs/testing.md, "Waiting for an address").
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[a-z]+://[^/]+/(?:[?#].*)?$"), new() { Timeout = 30_000 });
    }

    /// <summary>Navigates and waits until the circuit is up (the layout marks itself once interactive).</summary>
    public static async Task<IResponse?> GotoInteractiveAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return response;
    }
}
