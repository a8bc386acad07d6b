using System.Text.RegularExpressions;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 items 2 and 7: security links come from App:PublicUrl and never from the request's Host; behind a
/// TLS-terminating proxy on a trusted network, each client has its own rate-limit partition, the sign-in cookie is
/// Secure and HSTS is sent.
/// </summary>
public sealed partial class PublicAddressTests
{
    private const string PublicUrl = "https://assistant.example.com";
    private const string ForgedHost = "attacker.example.net";

    [Theory]
    [InlineData(PublicUrl)]
    [InlineData(null)]
    public async Task A_forged_host_header_on_forgot_password_never_reaches_the_mailed_link(string? publicUrl)
    {
        await using var smtp = new FakeSmtpServer();
        var settings = new Dictionary<string, string?>(smtp.Settings);
        if (publicUrl is not null) settings["App:PublicUrl"] = publicUrl;
        await using var app = new AppFactory(DatabaseKind.Sqlite, settings);
        await app.StartAsync();
        var user = await app.CreateSignedInClientAsync();
        var attacker = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/forgot-password") { Content = JsonContent.Create(new { email = user.Email }) };
        request.Headers.Host = ForgedHost;
        request.Headers.Add("X-Forwarded-Host", ForgedHost);
        (await attacker.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = await smtp.WaitForMessageAsync(user.Email, TimeSpan.FromSeconds(20));
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);

        link.Host.ShouldNotBe(ForgedHost);
        (mail.TextBody ?? "").ShouldNotContain(ForgedHost);
        if (publicUrl is not null) link.GetLeftPart(UriPartial.Path).ShouldBe(PublicUrl + "/account/reset-password");
        else link.GetLeftPart(UriPartial.Authority).ShouldBe("http://localhost:5000", "outside Production the fixed local default, not the request's host");
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_url()
    {
        var production = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:JwtSigningKey"] = "production-test-signing-key-0123456789abcdefghij",
            ["Security:EncryptionKeys:1"] = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        };
        await using var app = new AppFactory(DatabaseKind.Sqlite, production);

        var failure = await Should.ThrowAsync<InvalidOperationException>(app.StartAsync);

        failure.Message.ShouldContain("App:PublicUrl is not set");
        await using var configured = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>(production) { ["App:PublicUrl"] = PublicUrl });
        await configured.StartAsync();
        (await configured.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Behind_a_proxy_on_a_known_network_each_client_has_its_own_rate_limit()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
            ["Api:RateLimit:PerIpPerMinute"] = "3",
        }, kestrel: true);
        await app.StartAsync();
        using var proxy = new HttpClient { BaseAddress = app.ServerAddress };

        Task<HttpResponseMessage> FromClient(string address)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/password-policy");
            request.Headers.Add("X-Forwarded-For", address);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.ConnectionClose = true;
            return proxy.SendAsync(request);
        }

        for (var i = 0; i < 3; i++) (await FromClient("203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FromClient("203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the flooding client is limited");
        (await FromClient("198.51.100.9")).StatusCode.ShouldBe(HttpStatusCode.OK, "another client behind the same proxy is not");
    }

    [Fact]
    public async Task With_an_https_public_url_the_sign_in_cookie_is_secure_and_hsts_is_sent_behind_the_proxy()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = PublicUrl,
            ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8",
        }, kestrel: true);
        await app.StartAsync();
        using var proxy = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        proxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var email = $"secure-{Guid.NewGuid():N}@example.com";
        (await proxy.PostAsJsonAsync("/api/v1/auth/register", new { email, password = SignedInClient.DefaultPassword, setupToken = AppFactory.SetupToken })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await proxy.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var signIn = await proxy.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = SignedInClient.DefaultPassword,
        }));

        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        var authCookie = signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.SingleOrDefault(c => c.StartsWith("ua-auth=", StringComparison.Ordinal)) : null;
        authCookie.ShouldNotBeNull($"signing in sets the auth cookie (status {(int)signIn.StatusCode})");
        authCookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).ShouldContain("secure");
        authCookie.ShouldContain("httponly", Case.Insensitive);
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
