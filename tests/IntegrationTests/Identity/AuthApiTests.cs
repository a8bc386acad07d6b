using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationTests.Identity;

public sealed class PostgresAuthApiTests(PostgresApp fixture) : AuthApiTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteAuthApiTests(SqliteApp fixture) : AuthApiTests(fixture), IClassFixture<SqliteApp>;

/// <summary>Every /api/v1/auth route with good and bad input, on both providers.</summary>
public abstract class AuthApiTests(AppFixture fixture)
{
    private const string Password = SignedInClient.DefaultPassword;
    private AppFactory App => fixture.App;

    private static string NewEmail() => $"auth-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Register_returns_201_with_tokens_and_stores_a_210000_iteration_hash()
    {
        // The workspace's admin exists (registered with the setup token), so this is an ordinary registration whichever
        // test of the class runs first: it never depended on that order by design.
        await App.CreateSignedInClientAsync();
        var client = App.CreateClient();
        var email = NewEmail();

        var envelope = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, firstName = "Ada" }));

        envelope.Status.ShouldBe(HttpStatusCode.Created);
        var signedIn = envelope.Data.As<SignedIn>();
        signedIn.TokenType.ShouldBe("Bearer");
        signedIn.AccessToken.Split('.').Length.ShouldBe(3);
        signedIn.RefreshToken.Length.ShouldBeGreaterThan(40);
        signedIn.User.Email.ShouldBe(email);
        signedIn.User.SubscriptionPlan.ShouldBe("free");
        signedIn.User.ApiUsageLimit.ShouldBe(5);
        var access = new JsonWebToken(signedIn.AccessToken);
        (access.ValidTo - access.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
        await using var db = await App.CreateDbContextAsync();
        var hash = Convert.FromBase64String((await db.Users.SingleAsync(u => u.Email == email)).PasswordHash!);
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        iterations.ShouldBe(210_000);
        (await db.Set<Modules.Identity.Data.RefreshToken>().AnyAsync(t => t.TokenHash == envelope.Data.As<Tokens>().RefreshToken))
            .ShouldBeFalse("refresh tokens are stored hashed");
    }

    [Fact]
    public async Task Register_names_every_unmet_password_rule_and_a_bad_email()
    {
        var envelope = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = "abc" }));

        envelope.Status.ShouldBe(HttpStatusCode.BadRequest);
        envelope.Errors.Where(e => e.Field == "email").ShouldHaveSingleItem().Message.ShouldContain("valid email");
        var password = envelope.Errors.Where(e => e.Field == "password").Select(e => e.Message).ToList();
        password.ShouldContain(m => m.Contains("at least 8 characters"));
        password.ShouldContain(m => m.Contains("upper-case"));
        password.ShouldContain(m => m.Contains("digit"));
        password.ShouldContain(m => m.Contains("special character"));
        password.ShouldNotContain(m => m.Contains("lower-case"));
    }

    [Fact]
    public async Task Register_with_a_taken_email_is_a_409_naming_the_email()
    {
        var email = NewEmail();
        await App.CreateSignedInClientAsync(email);

        var envelope = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = Password }));

        envelope.Status.ShouldBe(HttpStatusCode.Conflict);
        envelope.Errors.ShouldHaveSingleItem().Field.ShouldBe("email");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var content = new StringContent("{\"email\": \"a@b.c\", \"password\": ", System.Text.Encoding.UTF8, "application/json");

        var envelope = await Envelope.ReadAsync(await App.CreateClient().PostAsync("/api/v1/auth/login", content));

        envelope.Status.ShouldBe(HttpStatusCode.BadRequest);
        envelope.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task Login_accepts_the_right_password_and_refuses_a_wrong_one_or_an_unknown_email_alike()
    {
        var user = await App.CreateSignedInClientAsync();
        var client = App.CreateClient();

        var good = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password }));
        var wrong = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Wrong!Passw0rd" }));
        var unknown = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = NewEmail(), password = Password }));
        var empty = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "", password = "" }));

        good.Status.ShouldBe(HttpStatusCode.OK);
        good.Data.As<SignedIn>().User.Id.ShouldBe(user.UserId);
        wrong.Status.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.Status.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Message.ShouldBe(unknown.Message);
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Errors.Select(e => e.Field).ShouldBe(["email", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var user = await App.CreateSignedInClientAsync();
        var client = App.CreateClient();

        for (var i = 0; i < 4; i++)
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Wrong!Passw0rd" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var fifth = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Wrong!Passw0rd" }));
        var right = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password }));

        fifth.Status.ShouldBe(HttpStatusCode.Locked);
        right.Status.ShouldBe(HttpStatusCode.Locked);
        right.Message.ShouldContain("15 more minute");
        await using var db = await App.CreateDbContextAsync();
        var events = await db.Set<Modules.Identity.Data.AuditEvent>().Where(e => e.UserId == user.UserId).Select(e => new { e.Kind, e.Count }).ToListAsync();
        // Repeats collapse onto one counted row (issue 17 item 6): four failures are one row counting 4.
        events.Where(e => e.Kind == "sign_in_failed").Sum(e => e.Count).ShouldBe(4);
        events.Count(e => e.Kind == "sign_in_failed").ShouldBe(1);
        events.ShouldContain(e => e.Kind == "locked_out");
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_token_signs_the_whole_session_out()
    {
        var user = await App.CreateSignedInClientAsync();
        var client = App.CreateClient();

        var first = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }));
        var rotated = first.Data.As<Tokens>().RefreshToken;
        var newAccess = first.Data.As<Tokens>().AccessToken;
        first.Status.ShouldBe(HttpStatusCode.OK);
        rotated.ShouldNotBe(user.RefreshToken);
        (await GetProfileAsync(newAccess)).ShouldBe(HttpStatusCode.OK);

        // The old token again: reuse. It fails, and so does everything issued in its family since.
        var reuse = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }));
        var afterReuse = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated }));

        reuse.Status.ShouldBe(HttpStatusCode.Unauthorized);
        reuse.Message.ShouldContain("already used");
        afterReuse.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetProfileAsync(newAccess)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetProfileAsync(user.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_a_401_and_a_missing_one_a_400()
    {
        var unknown = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "made-up" }));
        var missing = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { }));

        unknown.Status.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Errors.ShouldHaveSingleItem().Field.ShouldBe("refreshToken");
    }

    [Fact]
    public async Task Tampered_expired_and_foreign_tokens_are_rejected()
    {
        var user = await App.CreateSignedInClientAsync();
        var parts = user.AccessToken.Split('.');
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement;
        var forged = Base64UrlEncoder.Encode(payload.GetRawText().Replace(user.Email, "admin@example.com"));
        var tampered = $"{parts[0]}.{forged}.{parts[2]}";
        var key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(Path.Combine(App.DataDirectory, "jwt-signing.key"))));
        var expired = SignedToken(key, user, DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-2));
        var foreign = SignedToken(new SymmetricSecurityKey(new byte[64]), user, DateTime.UtcNow, DateTime.UtcNow.AddHours(1));
        var valid = SignedToken(key, user, DateTime.UtcNow, DateTime.UtcNow.AddHours(1));

        (await GetProfileAsync(tampered)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetProfileAsync(expired)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetProfileAsync(foreign)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetProfileAsync(valid)).ShouldBe(HttpStatusCode.OK, "the control token, made the same way, is accepted");
    }

    [Fact]
    public async Task Logout_ends_the_session_for_its_access_and_refresh_tokens()
    {
        var user = await App.CreateSignedInClientAsync();

        var logout = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/auth/logout", null));
        var refresh = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });

        logout.Status.ShouldBe(HttpStatusCode.OK);
        (await GetProfileAsync(user.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Profile_is_read_and_updated_with_field_errors_for_bad_input()
    {
        var user = await App.CreateSignedInClientAsync();

        var updated = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync("/api/v1/auth/profile", new { firstName = " Grace ", lastName = "Hopper" }));
        var read = await user.Http.GetEnvelopeAsync("/api/v1/auth/profile");
        var tooLong = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync("/api/v1/auth/profile", new { firstName = new string('x', 101) }));

        updated.Status.ShouldBe(HttpStatusCode.OK);
        var profile = read.Data.As<AccountProfile>();
        profile.FirstName.ShouldBe("Grace");
        profile.LastName.ShouldBe("Hopper");
        profile.Email.ShouldBe(user.Email);
        tooLong.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooLong.Errors.ShouldHaveSingleItem().Field.ShouldBe("firstName");
    }

    [Fact]
    public async Task A_user_lists_their_sessions_and_signs_another_device_out()
    {
        var user = await App.CreateSignedInClientAsync();
        var second = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password }));
        var secondAccess = second.Data.As<Tokens>().AccessToken;

        var list = await user.Http.GetEnvelopeAsync("/api/v1/auth/sessions");
        var sessions = list.Data.As<IReadOnlyList<Session>>();
        sessions.Count.ShouldBe(2);
        sessions.Count(s => s.Current).ShouldBe(1);
        var other = sessions.Single(s => !s.Current).Id;

        var revoked = await Envelope.ReadAsync(await user.Http.DeleteAsync($"/api/v1/auth/sessions/{other}"));

        revoked.Status.ShouldBe(HttpStatusCode.OK);
        (await GetProfileAsync(secondAccess)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetProfileAsync(user.AccessToken)).ShouldBe(HttpStatusCode.OK);
        (await user.Http.GetEnvelopeAsync("/api/v1/auth/sessions")).Data.As<IReadOnlyList<Session>>().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_user_cannot_see_or_revoke_another_users_session()
    {
        var alice = await App.CreateSignedInClientAsync();
        var bob = await App.CreateSignedInClientAsync();
        var bobsSession = (await bob.Http.GetEnvelopeAsync("/api/v1/auth/sessions")).Data.As<IReadOnlyList<Session>>()[0].Id;

        var attempt = await Envelope.ReadAsync(await alice.Http.DeleteAsync($"/api/v1/auth/sessions/{bobsSession}"));
        var alicesList = await alice.Http.GetEnvelopeAsync("/api/v1/auth/sessions");

        attempt.Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetProfileAsync(bob.AccessToken)).ShouldBe(HttpStatusCode.OK);
        alicesList.Data.As<IReadOnlyList<Session>>().Select(s => s.Id).ShouldNotContain(bobsSession);
    }

    private async Task<HttpStatusCode> GetProfileAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/profile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await App.CreateClient().SendAsync(request)).StatusCode;
    }

    private string SignedToken(SecurityKey key, SignedInClient user, DateTime notBefore, DateTime expires)
    {
        var sid = new JsonWebToken(user.AccessToken).GetClaim("ua_sid").Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "upwork-assistant",
            Audience = "upwork-assistant-api",
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, user.UserId.ToString()), new Claim("ua_sid", sid)]),
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

public sealed class WorkspaceRegistrationTests
{
    [Fact]
    public async Task The_first_account_is_the_admin_later_ones_members_and_closed_registration_refuses_newcomers()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Auth:OpenRegistration"] = "false" });
        await app.StartAsync();

        var admin = await app.CreateSignedInClientAsync();
        var refused = await Envelope.ReadAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "second@example.com", password = SignedInClient.DefaultPassword }));
        var profile = await admin.Http.GetEnvelopeAsync("/api/v1/auth/profile");

        profile.Data.As<AccountProfile>().Roles.ShouldBe(["Admin"]);
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Message.ShouldContain("Registration is closed");
    }

    [Fact]
    public async Task With_open_registration_the_second_account_is_a_member()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();

        await app.CreateSignedInClientAsync();
        var member = await app.CreateSignedInClientAsync();

        (await member.Http.GetEnvelopeAsync("/api/v1/auth/profile")).Data.As<AccountProfile>().Roles.ShouldBe(["Bidder"]);
    }
}
