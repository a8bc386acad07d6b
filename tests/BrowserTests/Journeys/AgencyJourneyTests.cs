using FakeAi;
using Microsoft.Playwright;

namespace BrowserTests.Journeys;

/// <summary>An agency workspace: OpenAI (the fake) with no key in configuration, so letters need the workspace key; the pro plan allows 2 letters a month.</summary>
public sealed class AgencyBrowserFixture : BrowserFixture
{
    public AgencyBrowserFixture() => Fake = FakeAiServer.StartAsync().GetAwaiter().GetResult();

    public FakeAiServer Fake { get; }

    protected override IDictionary<string, string?>? Settings => FakeSettings.OpenAIThenOffline(Fake, apiKey: "").With(("Plans:AiGenerationsPerMonth:pro", "2"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>Journey 4: the admin invites a member, sets their plan and a workspace AI key; the member writes with it until the quota stops them; the admin sees the usage.</summary>
public sealed class AgencyJourneyTests(AgencyBrowserFixture fixture) : IClassFixture<AgencyBrowserFixture>
{
    [Fact]
    public async Task An_admin_invites_a_member_who_writes_on_the_workspace_key_until_the_plan_quota_with_usage_shown_to_the_admin()
    {
        fixture.Fake.Script.Reset();
        var (admin, _) = await fixture.NewSignedInPageAsync();   // the first account of the install is the admin

        // Invite.
        await BrowserFixture.GotoInteractiveAsync(admin, "/admin/members");
        await admin.GetByTestId("invite-create").ClickAsync();
        var link = await admin.GetByTestId("invite-link").InputValueAsync();
        link.ShouldContain("/account/register");
        await BrowserFixture.ScreenshotAsync(admin, "journey4-01-invitation");

        // The member signs up through the link.
        var member = await fixture.NewPageAsync();
        var memberEmail = $"member-{Guid.NewGuid():N}@example.com";
        await member.GotoAsync(link);
        await Assertions.Expect(member.Locator("h1")).ToHaveTextAsync("Create your account");
        await member.GetByLabel("Email").FillAsync(memberEmail);
        await member.GetByLabel("Password", new() { Exact = true }).FillAsync(SignedInClient.DefaultPassword);
        await member.GetByTestId("register-submit").ClickAsync();
        await BrowserFixture.WaitForPathAsync(member, "/", 45_000);

        // The admin puts the member on the pro plan and adds an OpenAI key for the whole workspace.
        await BrowserFixture.GotoInteractiveAsync(admin, "/admin/members");
        var row = admin.GetByTestId("member-table").Locator("tr").Filter(new() { HasText = memberEmail });
        await row.GetByLabel($"Plan of {memberEmail}").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "pro" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("0 / 2");
        await BrowserFixture.GotoInteractiveAsync(admin, "/settings");
        await admin.GetByTestId("key-value").FillAsync(FakeAiOptions.DefaultOpenAIKey);
        await admin.GetByLabel("For the whole workspace").CheckAsync();
        await admin.GetByTestId("key-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("key-table")).ToContainTextAsync("OpenAI");
        await BrowserFixture.ScreenshotAsync(admin, "journey4-02-workspace-key");

        // The member writes with the workspace's key: OpenAI, not the offline writer.
        await BrowserFixture.GotoInteractiveAsync(member, "/upwork/jobs");
        await member.GetByTestId("paste-job").ClickAsync();
        await member.GetByLabel("Job text").FillAsync("Agency Python integration\n\nFixed price $2,000\nWe need a Python developer for an API integration.");
        await member.GetByTestId("paste-extract").ClickAsync();
        await member.GetByTestId("paste-save").ClickAsync();
        await member.GetByTestId("job-card").Filter(new() { HasText = "Agency Python integration" }).GetByTestId("open-job").ClickAsync();
        await member.GetByTestId("write-letter").ClickAsync();
        await member.GetByTestId("write-generate").ClickAsync();
        await WaitForLetterAsync(member, 1);
        await Assertions.Expect(member.GetByTestId("write-provider")).ToContainTextAsync("Written by OpenAI");
        await member.GetByTestId("write-regenerate").ClickAsync();
        await WaitForLetterAsync(member, 2);

        // The third letter is over the plan: a clear message, and no paid call.
        var calls = fixture.Fake.Received.Count(FakeAiProviders.OpenAI);
        await member.GetByTestId("write-regenerate").ClickAsync();
        var notice = member.GetByTestId("write-notice");
        await Assertions.Expect(notice).ToContainTextAsync("Your pro plan includes 2 AI generations a month and you have used 2");
        await Assertions.Expect(notice).ToContainTextAsync("offline writer");
        fixture.Fake.Received.Count(FakeAiProviders.OpenAI).ShouldBe(calls);
        await BrowserFixture.ScreenshotAsync(member, "journey4-03-quota-reached");

        // The admin sees the member's usage.
        await BrowserFixture.GotoInteractiveAsync(admin, "/admin/members");
        await Assertions.Expect(admin.GetByTestId("member-table").Locator("tr").Filter(new() { HasText = memberEmail })).ToContainTextAsync("2 / 2");
        await BrowserFixture.ScreenshotAsync(admin, "journey4-04-usage");
    }

    /// <summary>Waits until the fake has been asked for letter number <paramref name="n"/> and the page shows it finished and scored.</summary>
    private async Task WaitForLetterAsync(IPage page, int n)
    {
        (await fixture.Fake.Received.WaitForAsync(l => l.Count(FakeAiProviders.OpenAI) >= n, TimeSpan.FromSeconds(60))).ShouldBeTrue($"letter {n} never reached OpenAI");
        await Assertions.Expect(page.GetByTestId("write-score")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("write-regenerate")).ToBeVisibleAsync();
    }
}
