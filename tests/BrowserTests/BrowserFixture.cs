using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>The real app on a real Kestrel port (SQLite, empty data folder) and Debian's Chromium, headless.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>Extra settings for the app under test.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>The app's port; 0 picks a free one (a fixture whose settings must name the app's address sets it).</summary>
    protected virtual int KestrelPort => 0;

    /// <summary>The database the app runs on (PostgreSQL fixtures also get the test Redis through their settings).</summary>
    protected virtual DatabaseKind Database => DatabaseKind.Sqlite;

    public AppFactory App { get; protected set; } = null!;

    /// <summary>The app under test (not started yet).</summary>
    protected virtual AppFactory CreateApp() => new(Database, Settings, kestrel: true, kestrelPort: KestrelPort);

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = CreateApp();
        try
        {
            await App.StartAsync();
            _playwright = await Playwright.CreateAsync();
            // Shared 2-core machines: give expectations room; they still fail on behaviour that never comes.
            Assertions.SetDefaultExpectTimeout(15_000);
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Environment.GetEnvironmentVariable("UA_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport, with a page open on the app.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser whose user has just created an account through the registration page.</summary>
    public async Task<(IPage Page, string Email)> NewSignedInPageAsync(int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await NewPageAsync(width, height, colorScheme);
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(page, email, SignedInClient.DefaultPassword);
        return (page, email);
    }

    /// <summary>Fills in and submits the registration form, then waits for the interactive dashboard.</summary>
    public static async Task RegisterAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/register");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Create your account");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await FillSetupTokenIfAskedAsync(page);
        await page.GetByTestId("register-submit").ClickAsync();
        // The first registration of a fresh app (JIT, first hash, first migration check) can be slow on a busy 2-core box.
        await BrowserFixture.WaitForPathAsync(page, "/", 45_000);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    /// <summary>The very first account of an install is asked for the setup token: the harness's fixed one (<see cref="AppFactory.SetupToken"/>).</summary>
    public static async Task FillSetupTokenIfAskedAsync(IPage page)
    {
        var field = page.GetByLabel("Setup token");
        if (await field.CountAsync() > 0) await field.FillAsync(AppFactory.SetupToken);
    }

    /// <summary>On the sign-in page: fills in the credentials and submits (does not wait for the outcome).</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        // Blazor's enhanced navigation may change the URL before it swaps the content: wait for the form's page.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
    }

    /// <summary>Saves a (full-page) screenshot under the test artefacts folder and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(TestEnvironment.ArtifactsDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>
    /// Waits until the page's address has this path (any query). The address is polled by an assertion instead of awaited
    /// as a navigation event, which Playwright's WaitForURLAsync can miss (docs/testing.md, "Waiting for an address").
    /// </summary>
    public static Task WaitForPathAsync(IPage page, string path, float timeout = 20_000) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("^[a-z]+://[^/]+" + Regex.Escape(path) + "(?:[?#].*)?$"), new() { Timeout = timeout });

    /// <summary>Waits until the page's address contains this text (a query parameter, say); see <see cref="WaitForPathAsync"/>.</summary>
    public static Task WaitForAddressContainingAsync(IPage page, string text, float timeout = 20_000) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(text)), new() { Timeout = timeout });

    /// <summary>Navigates and waits until the Blazor circuit is interactive (clicks before that are lost).</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }
}
