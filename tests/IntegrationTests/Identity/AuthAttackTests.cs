using Microsoft.Extensions.DependencyInjection;
using Modules.Identity.Auth;
using OtpNet;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 items 1 and 5, each performed as an attack: brute-forcing two-factor codes through the API and through
/// the server-rendered sign-in form, flooding the /account forms, saturating password hashing, bombing a mailbox
/// with reset mails. The app's clock stands still on a fixed instant, so every code is computed, never raced.
/// </summary>
public sealed class AuthAttackTests
{
    private readonly SettableClock _clock = new();
    private readonly long _step = SettableClock.RealStepNow();

    private AppFactory NewApp(Dictionary<string, string?>? settings = null, FakeSmtpServer? smtp = null)
    {
        var all = new Dictionary<string, string?>(smtp?.Settings ?? new Dictionary<string, string?>()) { ["Auth:LockoutMaxFailedAttempts"] = "10" };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        _clock.Set(SettableClock.InStep(_step, 10));
        return new AppFactory(DatabaseKind.Sqlite, all, s => s.AddSingleton<TimeProvider>(_clock));
    }

    [Fact]
    public async Task Six_codes_on_one_api_challenge_the_sixth_even_right_is_refused_and_repeating_locks_the_account()
    {
        await using var app = NewApp();
        await app.StartAsync();
        var (user, secret) = await UserWithMfaAsync(app);
        var client = app.CreateClient();
        var wrong = CodeAt(secret, _step + 10);

        var challenge = await ChallengeAsync(client, user);
        var wrongAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) wrongAnswers.Add((await PostCodeAsync(client, challenge, wrong)).StatusCode);
        var sixthRight = await Envelope.ReadAsync(await PostCodeAsync(client, challenge, CodeAt(secret, _step + 1)));

        wrongAnswers.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        sixthRight.Status.ShouldBe(HttpStatusCode.Unauthorized, "a sixth code on one challenge is refused, even the right one");
        sixthRight.Message.ShouldContain("sign in again");

        // Again, with a new password step: the right password does not wipe the five failures, so the tenth locks.
        var second = await ChallengeAsync(client, user);
        var repeat = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) repeat.Add((await PostCodeAsync(client, second, wrong)).StatusCode);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        repeat.Take(4).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        repeat[4].ShouldBe(HttpStatusCode.Locked);
        login.StatusCode.ShouldBe(HttpStatusCode.Locked, "the account is locked: the right password is refused too");
    }

    [Fact]
    public async Task Six_codes_through_the_sign_in_form_the_sixth_even_right_is_refused_and_repeating_locks_the_account()
    {
        await using var app = NewApp();
        await app.StartAsync();
        var (user, secret) = await UserWithMfaAsync(app);
        var browser = app.CreateClient();
        var wrong = CodeAt(secret, _step + 10);

        var challenge = await FormChallengeAsync(browser, user);
        for (var i = 0; i < 5; i++)
        {
            var page = await PostCodeFormAsync(browser, challenge, wrong);
            page.ShouldContain("The code is not right");
            InputValue(page, "Code.Challenge").ShouldBe(challenge);
        }
        var sixth = await PostCodeFormAsync(browser, challenge, CodeAt(secret, _step + 1));

        sixth.ShouldContain("enter your email and password again");
        sixth.ShouldNotContain("data-testid=\"mfa-step\"");
        (await browser.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "not signed in");
        // Replaying the exhausted challenge by hand (the form no longer offers it) gets nowhere either.
        (await PostCodeFormAsync(browser, challenge, CodeAt(secret, _step + 1))).ShouldContain("enter your email and password again");

        var second = await FormChallengeAsync(browser, user);
        string last = "";
        for (var i = 0; i < 5; i++) last = await PostCodeFormAsync(browser, second, wrong);
        var locked = await SignInFormAsync(browser, user.Email, user.Password);

        last.ShouldContain("Too many failed attempts: the account is locked");
        locked.ShouldContain("Too many failed attempts: the account is locked");
        locked.ShouldNotContain("data-testid=\"mfa-step\"");
    }

    [Fact]
    public async Task A_flood_of_sign_in_form_posts_from_one_address_is_answered_429()
    {
        await using var app = NewApp(new() { ["Auth:RateLimitPerMinute"] = "3" });
        await app.StartAsync();
        var browser = app.CreateClient();
        var token = InputValue(await browser.GetStringAsync("/account/login"), "__RequestVerificationToken");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await browser.PostAsync("/account/login", Form(token, "signin", ("Input.Email", $"guess{i}@example.com"), ("Input.Password", "Wrong!Passw0rd"))));

        answers.Take(3).ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        answers[3].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        answers[3].Headers.RetryAfter.ShouldNotBeNull();
        (await answers[3].Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
        (await browser.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the page is not an attempt");
    }

    [Fact]
    public async Task Guessing_one_accounts_password_is_limited_per_account_whatever_the_address()
    {
        await using var app = NewApp(new() { ["Auth:RateLimitPerAccountPerMinute"] = "3" });
        await app.StartAsync();
        var victim = await app.CreateSignedInClientAsync();
        var other = await app.CreateSignedInClientAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = $"Wrong!Passw0rd{i}" }));
        var otherAccount = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = other.Email, password = other.Password });

        answers.Take(3).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Unauthorized);
        var limited = await Envelope.ReadAsync(answers[3]);
        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Response.Headers.RetryAfter.ShouldNotBeNull();
        otherAccount.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task More_sign_ins_than_the_hashing_queue_holds_are_told_busy_at_once_instead_of_blocking_threads()
    {
        await using var app = NewApp(new() { ["Auth:PasswordHashConcurrency"] = "1", ["Auth:PasswordHashQueue"] = "1" });
        await app.StartAsync();
        var user = await app.CreateSignedInClientAsync();
        var gate = app.Services.GetRequiredService<PasswordHashGate>();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The one hashing slot is taken and the one queue place is filled.
        var holder = gate.RunAsync(() => release.Task, CancellationToken.None);
        var queued = app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        await Eventually.HoldsAsync(() => gate.Queued == 1, "the sign-in to queue at the hashing gate");

        // Far more sign-ins than the thread pool has threads to spare: every one answers while the gate is still shut,
        // which a blocking wait could not do (they would all hold threads until the release below).
        var burst = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })));
        var page = await SignInFormResponseAsync(app.CreateClient(), user.Email, user.Password);

        queued.IsCompleted.ShouldBeFalse("the queued sign-in waits its turn");
        burst.ShouldAllBe(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var busy = await Envelope.ReadAsync(burst[0]);
        busy.Message.ShouldContain("busy");
        busy.Response.Headers.RetryAfter.ShouldNotBeNull();
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await page.Content.ReadAsStringAsync()).ShouldContain("The server is busy");

        release.SetResult(0);
        (await holder).Busy.ShouldBeFalse();
        (await queued).StatusCode.ShouldBe(HttpStatusCode.OK, "the queued sign-in goes through once a slot frees");
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Asking_twice_in_a_row_for_a_reset_link_sends_one_mail_with_the_same_answer()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = NewApp(smtp: smtp);
        await app.StartAsync();
        var user = await app.CreateSignedInClientAsync();
        var bystander = await app.CreateSignedInClientAsync();
        var client = app.CreateClient();

        var first = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email }));
        await smtp.WaitForMessageAsync(user.Email, TimeSpan.FromSeconds(20));
        var second = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email }));
        // A later mail to someone else proves the second request had its chance to send and did not.
        await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = bystander.Email });
        await smtp.WaitForMessageAsync(bystander.Email, TimeSpan.FromSeconds(20));

        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Message.ShouldBe(first.Message, "the throttled answer is the same neutral one");
        smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == user.Email)).ShouldBe(1);
    }

    private async Task<(SignedInClient User, byte[] Secret)> UserWithMfaAsync(AppFactory app)
    {
        var user = await app.CreateSignedInClientAsync();
        var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
        var secret = Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
        (await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = CodeAt(secret, _step) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (user, secret);
    }

    private static async Task<string> ChallengeAsync(HttpClient client, SignedInClient user)
    {
        var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
        login.Status.ShouldBe(HttpStatusCode.OK);
        return login.Data.As<TwoFactorChallenge>().ChallengeToken;
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string challenge, string code) =>
        client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code });

    private static async Task<string> FormChallengeAsync(HttpClient browser, SignedInClient user)
    {
        var page = await SignInFormAsync(browser, user.Email, user.Password);
        page.ShouldContain("data-testid=\"mfa-step\"");
        return InputValue(page, "Code.Challenge");
    }

    private static async Task<string> SignInFormAsync(HttpClient browser, string email, string password) =>
        await (await SignInFormResponseAsync(browser, email, password)).Content.ReadAsStringAsync();

    private static Task<HttpResponseMessage> SignInFormResponseAsync(HttpClient browser, string email, string password) =>
        AccountForms.SignInAsync(browser, email, password);

    private static async Task<string> PostCodeFormAsync(HttpClient browser, string challenge, string code)
    {
        var token = InputValue(await browser.GetStringAsync("/account/login"), "__RequestVerificationToken");
        var response = await browser.PostAsync("/account/login",
            Form(token, "mfa", ("Code.Challenge", challenge), ("Code.Value", code), ("Code.RememberMe", "false")));
        return await response.Content.ReadAsStringAsync();
    }

    private static FormUrlEncodedContent Form(string antiforgery, string formName, params (string Name, string Value)[] fields) =>
        AccountForms.Form(antiforgery, formName, fields);

    private static string InputValue(string html, string name) => AccountForms.InputValue(html, name);

    private static string CodeAt(byte[] secret, long step) => new Totp(secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30 + 15).UtcDateTime);
}
