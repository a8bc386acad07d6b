using Microsoft.Playwright;

namespace BrowserTests;

public sealed class ProfilesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_user_creates_edits_defaults_and_deletes_freelancer_profiles_with_the_keyboard_and_sees_field_errors()
    {
        var (page, _) = await fixture.NewSignedInPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, "/profiles");

        // Empty state says what to do.
        await Assertions.Expect(page.GetByTestId("profiles-empty")).ToContainTextAsync("Create your first profile");
        await page.GetByTestId("profile-new").ClickAsync();

        // Saving without a title and with a bad portfolio link shows the messages next to those fields.
        await page.GetByTestId("portfolio-add").ClickAsync();
        await page.GetByLabel("Project 1 link").FillAsync("not a link");
        await page.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("profile-editor")).ToContainTextAsync("Title is required");
        await Assertions.Expect(page.GetByTestId("profile-editor")).ToContainTextAsync("Url must be an http or https link");

        await page.GetByLabel("Title").First.FillAsync("Blazor developer");
        // Skills as tags: Enter adds (commas separate several); Backspace in the empty box takes the last one back.
        var skills = page.GetByTestId("profile-skills").Locator("input");
        var tags = page.GetByTestId("profile-skills").GetByTestId("tag");
        await skills.FillAsync("Blazor");
        await skills.PressAsync("Enter");
        await Assertions.Expect(tags).ToHaveCountAsync(1);
        await Assertions.Expect(skills).ToHaveValueAsync("");
        await skills.FillAsync("C#, EF Core,Typo");
        await skills.PressAsync("Enter");
        await Assertions.Expect(tags).ToHaveCountAsync(4);
        await Assertions.Expect(skills).ToHaveValueAsync("");
        await skills.PressAsync("Backspace");
        await Assertions.Expect(page.GetByTestId("profile-skills").GetByTestId("tag")).ToHaveTextAsync(["Blazor", "C#", "EF Core"]);
        await page.GetByLabel("Hourly rate ($)").FillAsync("85");
        await page.GetByLabel("Project 1 title").FillAsync("Invoicing SaaS");
        await page.GetByLabel("Project 1 link").FillAsync("https://example.com/invoicing");
        await page.GetByTestId("letter-add").ClickAsync();
        await page.GetByLabel("Letter 1", new() { Exact = true }).FillAsync("Hi! I built three Blazor dashboards like yours last year.");
        await page.GetByText("This letter won the job").ClickAsync();
        await page.GetByTestId("profile-save").ClickAsync();

        var rows = page.GetByTestId("profile-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Blazor developer");
        await Assertions.Expect(rows.First).ToContainTextAsync("Default");
        await Assertions.Expect(rows.First).ToContainTextAsync("$85/h");
        await Assertions.Expect(rows.First).ToContainTextAsync("Blazor, C#, EF Core");
        await Assertions.Expect(rows.First).ToContainTextAsync("1 winning of 1 letters");

        // A second profile, then make it the default.
        await page.GetByTestId("profile-new").ClickAsync();
        await page.GetByLabel("Title").First.FillAsync("Data engineer");
        await page.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make Data engineer the default profile" }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Data engineer");
        await Assertions.Expect(page.GetByTestId("profile-default-chip")).ToHaveCountAsync(1);

        // Edit keeps what was there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Blazor developer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-skills").GetByTestId("tag")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByLabel("Project 1 link")).ToHaveValueAsync("https://example.com/invoicing");
        await page.GetByLabel("Title").First.FillAsync("Senior Blazor developer");
        await page.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-list")).ToContainTextAsync("Senior Blazor developer");
        await BrowserFixture.ScreenshotAsync(page, "profiles");

        // Delete asks first; deleting the default hands the role to the other profile.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Data engineer" }).ClickAsync();
        await page.GetByTestId("profile-delete-confirm").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Default");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("profile-row")).ToHaveCountAsync(1);
    }
}
