using Microsoft.EntityFrameworkCore;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 (low): whoever reaches a fresh install first must not become its admin. The first account needs the setup
/// token printed at start (written to the data folder, mode 600); two registrations racing on an empty database make
/// one admin. The harness registers its first accounts with <see cref="AppFactory.SetupToken"/> (<c>Auth:SetupToken</c>).
/// </summary>
public sealed class FirstAdminSetupTests
{
    private static string NewEmail() => $"first-{Guid.NewGuid():N}@example.com";

    private static Task<HttpResponseMessage> RegisterAsync(AppFactory app, string email, string? setupToken) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = SignedInClient.DefaultPassword, setupToken });

    [Fact]
    public async Task On_an_empty_install_registering_without_the_setup_token_or_with_a_wrong_one_is_refused_and_with_it_makes_the_admin()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();

        var without = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), null));
        var wrong = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), "guessed-token"));
        var right = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), AppFactory.SetupToken.ToUpperInvariant()));
        var member = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), null));

        without.Status.ShouldBe(HttpStatusCode.Forbidden);
        without.Message.ShouldContain("setup token");
        wrong.Status.ShouldBe(HttpStatusCode.Forbidden);
        right.Status.ShouldBe(HttpStatusCode.Created);
        right.Data.As<SignedIn>().User.Roles.ShouldBe(["Admin"]);
        member.Status.ShouldBe(HttpStatusCode.Created, "later accounts need no setup token");
        member.Data.As<SignedIn>().User.Roles.ShouldBe(["Bidder"]);
        await using var db = await app.CreateDbContextAsync();
        (await db.Users.CountAsync()).ShouldBe(2, "the refused attempts created nothing");
    }

    [Fact]
    public async Task Without_a_configured_token_one_is_generated_into_the_data_folder_readable_only_by_its_owner_and_retired_after_use()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Auth:SetupToken"] = null });
        await app.StartAsync();
        var file = Path.Combine(app.DataDirectory, "setup-token");

        File.Exists(file).ShouldBeTrue("printed and written at start while no account exists");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var token = (await File.ReadAllTextAsync(file)).Trim();
        token.Length.ShouldBeGreaterThanOrEqualTo(20);
        token.ShouldNotBe(AppFactory.SetupToken);

        (await RegisterAsync(app, NewEmail(), AppFactory.SetupToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the harness's token is not configured here");
        (await RegisterAsync(app, NewEmail(), token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        File.Exists(file).ShouldBeFalse("the admin exists: the token has done its job");
    }

    [Fact]
    public async Task The_register_page_asks_for_the_setup_token_only_for_the_first_account()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var empty = await browser.GetStringAsync("/account/register");
        var refused = await PostRegisterFormAsync(browser, NewEmail(), null);
        var created = await PostRegisterFormAsync(browser, NewEmail(), AppFactory.SetupToken);
        var later = await app.CreateClient().GetStringAsync("/account/register");

        empty.ShouldContain("name=\"Input.SetupToken\"");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("setup token printed in the server");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed in and sent on");
        later.ShouldNotContain("name=\"Input.SetupToken\"");
    }

    private static async Task<HttpResponseMessage> PostRegisterFormAsync(HttpClient browser, string email, string? setupToken)
    {
        var token = AccountForms.InputValue(await browser.GetStringAsync("/account/register"), "__RequestVerificationToken");
        return await browser.PostAsync("/account/register", AccountForms.Form(token, "register",
            ("Input.Email", email), ("Input.Password", SignedInClient.DefaultPassword), ("Input.SetupToken", setupToken ?? "")));
    }
}

/// <summary>Two or more registrations with the setup token at the same moment on an empty PostgreSQL database.</summary>
public sealed class FirstAdminRaceTests(PostgresApp fixture) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Registrations_racing_on_an_empty_database_make_exactly_one_admin()
    {
        const int racers = 8;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, racers).Select(async i =>
        {
            await go.Task;
            return await fixture.App.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
                new { email = $"racer-{i}-{Guid.NewGuid():N}@example.com", password = SignedInClient.DefaultPassword, setupToken = AppFactory.SetupToken });
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(attempts);

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created, "registration is open: the losers become members");
        var roles = new List<string>();
        foreach (var answer in answers)
            roles.AddRange((await Envelope.ReadAsync(answer)).Data.As<SignedIn>().User.Roles);
        roles.Count(r => r == "Admin").ShouldBe(1, "got " + string.Join(",", roles));
        roles.Count(r => r == "Bidder").ShouldBe(racers - 1);
    }
}
