using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeUpwork;

namespace FakeUpwork.Tests;

public sealed class OAuthTests
{
    [Fact]
    public async Task Authorize_redirects_to_the_registered_callback_with_a_code_and_the_state()
    {
        await using var api = await FakeApi.StartAsync();
        var response = await api.Http.GetAsync(
            $"/ab/account-security/oauth2/authorize?response_type=code&client_id=ua-test-client&redirect_uri={Uri.EscapeDataString(FakeApi.Callback)}&state=VtbXjiUO67");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.ToString().ShouldMatch(@"^http://127\.0\.0\.1:7001/callback\?code=[0-9a-f]{32}&state=VtbXjiUO67$");
    }

    [Fact]
    public async Task Authorize_with_a_different_redirect_uri_shows_an_error_and_does_not_redirect()
    {
        await using var api = await FakeApi.StartAsync();
        var response = await api.Http.GetAsync(
            "/ab/account-security/oauth2/authorize?response_type=code&client_id=ua-test-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A7001%2Fcallback%2F&state=s");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Authorize_with_a_scope_parameter_redirects_with_invalid_scope()
    {
        await using var api = await FakeApi.StartAsync();
        var response = await api.Http.GetAsync(
            $"/ab/account-security/oauth2/authorize?response_type=code&client_id=ua-test-client&redirect_uri={Uri.EscapeDataString(FakeApi.Callback)}&scope=pub-commons%3Aread%3Aall&state=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.ToString().ShouldBe(FakeApi.Callback + "?error=invalid_scope&state=abc");
    }

    [Fact]
    public async Task Code_exchange_with_basic_auth_returns_the_documented_token_shape()
    {
        await using var api = await FakeApi.StartAsync();
        var code = await api.AuthorizeCodeAsync();
        var response = await api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = FakeApi.Callback,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldMatch("^\\{\"access_token\":\"oauth2v2_[0-9a-f]{32}\",\"refresh_token\":\"oauth2v2_[0-9a-f]{32}\",\"token_type\":\"Bearer\",\"expires_in\":86400\\}$");
    }

    [Fact]
    public async Task Code_exchange_with_body_credentials_works_once()
    {
        await using var api = await FakeApi.StartAsync();
        var code = await api.AuthorizeCodeAsync();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = FakeApi.Callback,
            ["client_id"] = "ua-test-client", ["client_secret"] = "ua-test-secret",
        };

        (await api.TokenAsync(form, basic: false)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await api.TokenAsync(form, basic: false);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"error\":\"invalid_grant\"");
    }

    [Fact]
    public async Task Code_is_bound_to_the_redirect_uri_and_expires_after_ten_minutes()
    {
        await using var api = await FakeApi.StartAsync();
        var wrongUri = await api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = await api.AuthorizeCodeAsync(), ["redirect_uri"] = "http://127.0.0.1:7001/other",
        });
        (await wrongUri.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");

        var code = await api.AuthorizeCodeAsync();
        api.Server.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = FakeApi.Callback,
        });
        expired.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");
    }

    [Fact]
    public async Task Missing_client_id_gives_the_exact_79_byte_error()
    {
        await using var api = await FakeApi.StartAsync();
        var response = await api.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "x" }, basic: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldBe("{\"error\":\"invalid_request\",\"error_description\":\"Missing parameters: client_id\"}");
        body.Length.ShouldBe(79);
    }

    [Fact]
    public async Task Wrong_secret_is_invalid_client_and_unknown_grant_is_unsupported()
    {
        await using var api = await FakeApi.StartAsync();
        var badSecret = await api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "ua-test-client", ["client_secret"] = "nope",
        }, basic: false);
        (await badSecret.Content.ReadAsStringAsync()).ShouldContain("\"error\":\"invalid_client\"");

        var unknown = await api.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "password" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("\"error\":\"unsupported_grant_type\"");
    }

    [Fact]
    public async Task Refresh_rotates_and_cuts_the_old_refresh_token_to_24_hours()
    {
        await using var api = await FakeApi.StartAsync();
        var first = await api.LoginAsync();
        var oldRefresh = first["refresh_token"]!.GetValue<string>();

        var rotated = await RefreshAsync(api, oldRefresh);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (JsonObject)JsonNode.Parse(await rotated.Content.ReadAsStringAsync())!;
        var newRefresh = body["refresh_token"]!.GetValue<string>();
        newRefresh.ShouldNotBe(oldRefresh);
        body["access_token"]!.GetValue<string>().ShouldNotBe(first["access_token"]!.GetValue<string>());

        api.Server.Clock.Advance(TimeSpan.FromHours(25));

        var old = await RefreshAsync(api, oldRefresh);
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await old.Content.ReadAsStringAsync()).ShouldBe(
            "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token is expired or revoked or not registered\"}");
        (await RefreshAsync(api, newRefresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_token_expires_after_14_days()
    {
        await using var api = await FakeApi.StartAsync();
        var refresh = (await api.LoginAsync())["refresh_token"]!.GetValue<string>();
        api.Server.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        (await RefreshAsync(api, refresh)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Access_token_expires_after_24_hours_with_the_exact_401_body()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.OK);

        api.Server.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var (status, body, _) = await api.GraphQlRawAsync(token, "{ user { id } }");

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.ShouldBe("{\"message\":\"Authentication failed\"}");
    }

    [Fact]
    public async Task Client_credentials_is_refused_for_a_normal_key_and_has_no_refresh_token_for_enterprise()
    {
        await using var api = await FakeApi.StartAsync();
        var refused = await api.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("\"error\":\"unauthorized_client\"");

        api.Server.State.UpdateClient("ua-test-client", c => c.Enterprise = true);
        var allowed = await api.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await allowed.Content.ReadAsStringAsync();
        body.ShouldMatch("^\\{\"access_token\":\"oauth2v2_[0-9a-f]{32}\",\"token_type\":\"Bearer\",\"expires_in\":86400\\}$");
    }

    [Fact]
    public async Task Expires_in_can_be_sent_as_a_string()
    {
        await using var api = await FakeApi.StartAsync();
        api.Server.Faults.ExpiresInAsString = true;
        var body = await api.LoginAsync();

        body["expires_in"]!.GetValue<string>().ShouldBe("86400");
    }

    [Fact]
    public async Task Changing_a_keys_scopes_revokes_its_tokens()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.State.UpdateClient("ua-test-client", c => c.Scopes.Add(FakeScopes.SubmitProposal));

        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        api.Server.State.IssuedTokens.ShouldAllBe(t => t.Revoked);
    }

    [Fact]
    public async Task A_refresh_with_basic_credentials_only_is_refused_as_missing_client_id_like_upwork()
    {
        await using var api = await FakeApi.StartAsync();
        var refresh = (await api.LoginAsync())["refresh_token"]!.GetValue<string>();

        var basicOnly = await api.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });

        basicOnly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await basicOnly.Content.ReadAsStringAsync()).ShouldBe("{\"error\":\"invalid_request\",\"error_description\":\"Missing parameters: client_id\"}");
        // The same refresh token still works once the credentials are in the body (Basic may come along).
        (await RefreshAsync(api, refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_with_body_credentials_and_a_wrong_secret_is_invalid_client()
    {
        await using var api = await FakeApi.StartAsync();
        var refresh = (await api.LoginAsync())["refresh_token"]!.GetValue<string>();

        var response = await api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = FakeUpworkOptions.DefaultClientId, ["client_secret"] = "nope",
        }, basic: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"error\":\"invalid_client\"");
    }

    // Upwork's refresh grant needs the client in the body (docs/upwork-api.md §1.2); Basic is sent as well, as our client does.
    private static Task<HttpResponseMessage> RefreshAsync(FakeApi api, string refreshToken) =>
        api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
            ["client_id"] = FakeUpworkOptions.DefaultClientId, ["client_secret"] = FakeUpworkOptions.DefaultClientSecret,
        });
}
