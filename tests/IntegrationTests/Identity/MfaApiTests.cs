using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace IntegrationTests.Identity;

public sealed class PostgresMfaApiTests(PostgresMfaApp fixture) : MfaApiTests(fixture), IClassFixture<PostgresMfaApp>;

public sealed class SqliteMfaApiTests(SqliteMfaApp fixture) : MfaApiTests(fixture), IClassFixture<SqliteMfaApp>;

public sealed class PostgresMfaApp() : MfaApp(DatabaseKind.Postgres);

public sealed class SqliteMfaApp() : MfaApp(DatabaseKind.Sqlite);

/// <summary>
/// The app with a clock the tests can stop on an instant. Wrong codes count toward lockout (issue 17): the races
/// below send several at once to one account, so the limit is raised here to keep lockout out of their answers.
/// </summary>
public abstract class MfaApp(DatabaseKind database) : AppFixture(database)
{
    public SettableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:LockoutMaxFailedAttempts"] = "50" };

    protected override Action<IServiceCollection>? Services => s => s.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Two-factor sign-in through the API, with codes computed here as an authenticator app would.</summary>
public abstract class MfaApiTests(MfaApp fixture)
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task On_a_step_boundary_a_code_sent_by_several_requests_at_once_signs_in_once_and_its_replay_fails_after_the_boundary()
    {
        var clock = fixture.Clock;
        // A step just behind the wall clock: access tokens minted on this clock must not be "not yet valid".
        var step = SettableClock.RealStepNow() - 2;
        try
        {
            clock.Set(SettableClock.InStep(step, 29.999));   // the last moment of step S
            var user = await App.CreateSignedInClientAsync();
            var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
            var secret = Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
            (await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = CodeAt(secret, step) })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var clients = Enumerable.Range(0, 4).Select(_ => App.CreateClient()).ToList();
            var challenges = new List<string>();
            foreach (var client in clients)
            {
                var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
                challenges.Add(login.Data.As<TwoFactorChallenge>().ChallengeToken);
            }

            // The code of step S+1 sent at once by every client while the clock crosses into S+1 under them.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = clients.Select(async (client, i) =>
            {
                await go.Task;
                return await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenges[i], code = CodeAt(secret, step + 1) });
            }).ToList();
            go.SetResult();
            clock.Set(SettableClock.InStep(step + 1, 0));
            var answers = await Task.WhenAll(attempts);

            var fresh = App.CreateClient();
            var challenge = (await Envelope.ReadAsync(await fresh.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })))
                .Data.As<TwoFactorChallenge>().ChallengeToken;
            var replay = await fresh.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = CodeAt(secret, step + 1) });
            var older = await fresh.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = CodeAt(secret, step) });
            var next = await fresh.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = CodeAt(secret, step + 2) });

            answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(clients.Count - 1);
            replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the same code after the boundary is a replay");
            older.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "an older step than the last one used");
            next.StatusCode.ShouldBe(HttpStatusCode.OK, "the next step's code (within the ±1 window) still works once");
        }
        finally
        {
            clock.Release();
        }
    }

    [Fact]
    public async Task With_mfa_on_login_asks_for_a_code_which_works_once_and_recovery_codes_work_once()
    {
        var user = await App.CreateSignedInClientAsync();
        var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
        var secret = Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
        setup.Data.As<TwoFactorSetup>().QrCodeDataUri.ShouldStartWith("data:image/png;base64,");
        setup.Data.As<TwoFactorSetup>().OtpAuthUri.ShouldStartWith("otpauth://totp/");

        var wrongEnable = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = "000000" }));
        var enableStep = StepNow();
        var enable = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = CodeAt(secret, enableStep) }));
        var recovery = enable.Data.As<TwoFactorEnabled>().RecoveryCodes.ToList();
        wrongEnable.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrongEnable.Errors.ShouldHaveSingleItem().Field.ShouldBe("code");
        enable.Status.ShouldBe(HttpStatusCode.OK);
        recovery.Count.ShouldBe(10);
        recovery.Distinct().Count().ShouldBe(10);

        var client = App.CreateClient();
        var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Data.As<TwoFactorChallenge>().Status.ShouldBe("mfa_required");
        login.Data.TryGetProperty("accessToken", out _).ShouldBeFalse("no token before the second factor");
        var challenge = login.Data.As<TwoFactorChallenge>().ChallengeToken;

        // The code used to enable is spent: the next step's code works, once. The steps are fixed here, not read from
        // the clock at each request, so a 30 s boundary crossed mid-test cannot turn the "same code" into a new one.
        var replayOfEnableCode = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = CodeAt(secret, enableStep) });
        var good = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = CodeAt(secret, enableStep + 1) }));
        var replay = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = CodeAt(secret, enableStep + 1) });
        var tooFar = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = Code(secret, 3) });
        var forged = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = "forged", code = recovery[0] });
        var byRecovery = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = recovery[0].ToLowerInvariant() });
        var recoveryAgain = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code = recovery[0] });

        replayOfEnableCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        good.Status.ShouldBe(HttpStatusCode.OK);
        good.Data.As<Tokens>().AccessToken.ShouldNotBeNullOrEmpty();
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        tooFar.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        byRecovery.StatusCode.ShouldBe(HttpStatusCode.OK);
        recoveryAgain.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_same_code_sent_by_several_requests_at_the_same_moment_signs_in_only_once(bool recoveryCode)
    {
        var user = await App.CreateSignedInClientAsync();
        var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
        var secret = Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
        var enable = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = Code(secret, 0) }));
        enable.Status.ShouldBe(HttpStatusCode.OK);
        var clients = Enumerable.Range(0, 6).Select(_ => App.CreateClient()).ToList();
        var challenges = new List<string>();
        foreach (var client in clients)
        {
            var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
            challenges.Add(login.Data.As<TwoFactorChallenge>().ChallengeToken);
        }
        var code = recoveryCode ? enable.Data.As<TwoFactorEnabled>().RecoveryCodes[0] : Code(secret, 1);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = clients.Select(async (client, i) =>
        {
            await go.Task;
            return await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenges[i], code });
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(attempts);

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(clients.Count - 1);
    }

    [Fact]
    public async Task Mfa_cannot_be_set_up_twice_and_turning_it_off_needs_a_code()
    {
        var user = await App.CreateSignedInClientAsync();
        var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
        var secret = Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
        await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = Code(secret, 0) });

        var again = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
        var wrongOff = await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/disable", new { code = "123456" });
        var off = await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/disable", new { code = Code(secret, 1) });
        var state = await user.Http.GetEnvelopeAsync("/api/v1/identity/mfa");
        var login = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));

        again.Status.ShouldBe(HttpStatusCode.Conflict);
        wrongOff.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        state.Data.As<TwoFactorState>().Enabled.ShouldBeFalse();
        login.Data.As<Tokens>().AccessToken.ShouldNotBeNullOrEmpty();
    }

    /// <summary>The code for the current 30 s step plus <paramref name="stepsAhead"/> (the server accepts ±1 step).</summary>
    private static string Code(byte[] secret, int stepsAhead) => new Totp(secret).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    /// <summary>The RFC 6238 time step (30 s) the wall clock is in now.</summary>
    private static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    /// <summary>The code of one fixed time step, whatever the time is when it is sent.</summary>
    private static string CodeAt(byte[] secret, long step) => new Totp(secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30 + 15).UtcDateTime);
}
