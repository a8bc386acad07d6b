using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeUpwork;

namespace FakeUpwork.Tests;

/// <summary>A started fake plus an HTTP client that talks to it like a real Upwork client would.</summary>
public sealed class FakeApi : IAsyncDisposable
{
    private FakeApi(FakeUpworkServer server)
    {
        Server = server;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };
    }

    public FakeUpworkServer Server { get; }

    public HttpClient Http { get; }

    public const string Callback = "http://127.0.0.1:7001/callback";

    /// <summary>Starts a fake; the rate limit is raised unless a test wants the real one.</summary>
    public static async Task<FakeApi> StartAsync(Action<FakeUpworkOptions>? configure = null, bool realRateLimits = false)
    {
        var options = new FakeUpworkOptions();
        if (!realRateLimits)
        {
            options.RateLimits.PerSecond = 10_000;
            options.RateLimits.PerMinute = 100_000;
        }

        configure?.Invoke(options);
        var server = await FakeUpworkServer.StartAsync(options);
        server.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.RedirectUri = Callback);
        return new FakeApi(server);
    }

    public async Task<string> AuthorizeCodeAsync(string state = "st4te")
    {
        var response = await Http.GetAsync(
            $"/ab/account-security/oauth2/authorize?response_type=code&client_id={FakeUpworkOptions.DefaultClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&state={state}");
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        return query["code"]!;
    }

    public Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> form, bool basic = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/oauth2/token") { Content = new FormUrlEncodedContent(form) };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeUpworkOptions.DefaultClientId}:{FakeUpworkOptions.DefaultClientSecret}")));
        }

        return Http.SendAsync(request);
    }

    /// <summary>Runs the authorization-code flow and returns the token response.</summary>
    public async Task<JsonObject> LoginAsync()
    {
        var code = await AuthorizeCodeAsync();
        var response = await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = Callback,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<string> AccessTokenAsync() => (await LoginAsync())["access_token"]!.GetValue<string>();

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GraphQlRawAsync(
        string? token, string query, object? variables = null, string scheme = "Bearer", string? tenant = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        }

        if (tenant is not null)
        {
            request.Headers.Add("X-Upwork-API-TenantId", tenant);
        }

        var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Posts a query that must answer HTTP 200 and returns the parsed body.</summary>
    public async Task<JsonObject> GraphQlAsync(string token, string query, object? variables = null, string? tenant = null)
    {
        var (status, body, _) = await GraphQlRawAsync(token, query, variables, tenant: tenant);
        status.ShouldBe(HttpStatusCode.OK, body);
        return (JsonObject)JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
