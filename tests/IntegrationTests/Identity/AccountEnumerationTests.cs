namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 (low): someone who does not know a password probes addresses through sign-in and forgot-password, through
/// the API and the /account forms, to learn which have accounts and in what state. Every probe must get the same
/// answer: an unknown address, a wrong password, a deactivated account, and (after the lockout threshold) a locked
/// account against a made-up address that "locks" just the same.
/// </summary>
public sealed class AccountEnumerationTests
{
    private const string WrongPassword = "Wrong!Passw0rd";

    private static string NewEmail() => $"probe-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Sign_in_answers_an_unknown_address_a_wrong_password_and_a_deactivated_account_alike_through_the_api()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var (active, deactivated) = await ActiveAndDeactivatedAsync(app);

        var unknown = await LoginAsync(app, NewEmail(), WrongPassword);
        var wrong = await LoginAsync(app, active.Email, WrongPassword);
        var gone = await LoginAsync(app, deactivated.Email, WrongPassword);

        foreach (var probe in new[] { wrong, gone })
        {
            probe.Status.ShouldBe(unknown.Status);
            probe.Message.ShouldBe(unknown.Message);
            probe.Errors.ShouldBe(unknown.Errors);
        }
        unknown.Status.ShouldBe(HttpStatusCode.Unauthorized);
        // The owner, who knows the password, is still told why they cannot sign in.
        var owner = await LoginAsync(app, deactivated.Email, deactivated.Password);
        owner.Status.ShouldBe(HttpStatusCode.Forbidden);
        owner.Message.ShouldContain("deactivated");
    }

    [Fact]
    public async Task Lockout_is_no_oracle_a_made_up_address_locks_after_as_many_failures_as_a_real_account()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var (active, deactivated) = await ActiveAndDeactivatedAsync(app);
        var madeUp = NewEmail();

        var real = new List<Envelope>();
        var inactive = new List<Envelope>();
        var phantom = new List<Envelope>();
        for (var i = 0; i < 6; i++)
        {
            real.Add(await LoginAsync(app, active.Email, WrongPassword));
            inactive.Add(await LoginAsync(app, deactivated.Email, WrongPassword));
            phantom.Add(await LoginAsync(app, madeUp, WrongPassword));
        }

        real.Select(e => e.Status).ShouldBe([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Locked, HttpStatusCode.Locked]);
        phantom.Select(e => e.Status).ShouldBe(real.Select(e => e.Status));
        phantom.Select(e => e.Message).ShouldBe(real.Select(e => e.Message));
        inactive.Select(e => e.Status).ShouldBe(real.Select(e => e.Status));
        inactive.Select(e => e.Message).ShouldBe(real.Select(e => e.Message));
    }

    [Fact]
    public async Task The_sign_in_form_shows_the_same_message_for_an_unknown_address_a_wrong_password_and_a_deactivated_account()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var (active, deactivated) = await ActiveAndDeactivatedAsync(app);

        var unknown = await SignInFormAsync(app, NewEmail());
        var wrong = await SignInFormAsync(app, active.Email);
        var gone = await SignInFormAsync(app, deactivated.Email);

        unknown.Message.ShouldBe("Email or password is incorrect");
        wrong.ShouldBe(unknown);
        gone.ShouldBe(unknown);
    }

    [Fact]
    public async Task Forgot_password_answers_every_address_alike_through_the_api_and_the_form()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = new AppFactory(DatabaseKind.Sqlite, smtp.Settings);
        await app.StartAsync();
        var (active, deactivated) = await ActiveAndDeactivatedAsync(app);
        var addresses = new[] { NewEmail(), active.Email, deactivated.Email };

        var api = new List<Envelope>();
        var forms = new List<(HttpStatusCode, string?)>();
        foreach (var address in addresses)
        {
            api.Add(await Envelope.ReadAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = address })));
            var browser = app.CreateClient();
            var token = AccountForms.InputValue(await browser.GetStringAsync("/account/forgot-password"), "__RequestVerificationToken");
            var page = await browser.PostAsync("/account/forgot-password", AccountForms.Form(token, "forgot", ("Input.Email", address)));
            forms.Add((page.StatusCode, AccountForms.TestIdText(await page.Content.ReadAsStringAsync(), "reset-sent")));
        }

        api.Select(e => e.Status).Distinct().ShouldHaveSingleItem().ShouldBe(HttpStatusCode.OK);
        api.Select(e => e.Message).Distinct().Count().ShouldBe(1);
        api.Select(e => e.Data.GetRawText()).Distinct().Count().ShouldBe(1);
        forms.Distinct().ShouldHaveSingleItem().Item2.ShouldNotBeNullOrEmpty();
        // The real account did get its link, so the same answer is not just "nothing happens for anyone".
        await smtp.WaitForMessageAsync(active.Email, TimeSpan.FromSeconds(20));
    }

    private static async Task<(SignedInClient Active, SignedInClient Deactivated)> ActiveAndDeactivatedAsync(AppFactory app)
    {
        var admin = await app.CreateSignedInClientAsync();
        var active = await app.CreateSignedInClientAsync();
        var deactivated = await app.CreateSignedInClientAsync();
        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{deactivated.UserId}", new { isActive = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (active, deactivated);
    }

    private static async Task<Envelope> LoginAsync(AppFactory app, string email, string password) =>
        await Envelope.ReadAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password }));

    private static async Task<(HttpStatusCode Status, string? Message)> SignInFormAsync(AppFactory app, string email)
    {
        var response = await AccountForms.SignInAsync(app.CreateClient(), email, WrongPassword);
        return (response.StatusCode, AccountForms.TestIdText(await response.Content.ReadAsStringAsync(), "signin-error"));
    }
}
