using IntegrationTests.Ai;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace IntegrationTests.Mcp;

/// <summary>
/// The real app on a real port with the fake AI providers, whose first account (the workspace admin) is registered
/// before any test; MCP clients are the official SDK's, speaking Streamable HTTP to <c>/mcp</c> with a personal access token.
/// </summary>
public class McpHarness : AiHarness
{
    protected override bool Kestrel => true;

    /// <summary>The workspace admin (the first account).</summary>
    public SignedInClient Admin { get; private set; } = null!;

    protected override async Task StartedAsync() => Admin = await App.CreateSignedInClientAsync();

    /// <summary>Creates a personal access token for the user through the API and returns its secret and id.</summary>
    public static async Task<(string Token, Guid Id)> CreateTokenAsync(SignedInClient user, string[] scopes, int? expiresInDays = null)
    {
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/access-tokens",
            new { name = "agent " + Guid.NewGuid().ToString("N")[..6], scopes, expiresInDays }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.ToString());
        var token = created.Data.As<NewAccessToken>();
        return (token.Token, token.Id);
    }

    /// <summary>An MCP client of the official SDK, connected to the app's <c>/mcp</c> with <paramref name="token"/>.</summary>
    public async Task<McpClient> ConnectAsync(string token) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(App.ServerAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }));

    /// <summary>A client with every scope.</summary>
    public async Task<McpClient> ConnectAsync(SignedInClient user) =>
        await ConnectAsync((await CreateTokenAsync(user, ["jobs:read", "proposals:read", "proposals:write", "ai:write", "analytics:read"])).Token);
}

public sealed class PostgresMcpHarness : McpHarness
{
    protected override DatabaseKind Database => DatabaseKind.Postgres;
}

/// <summary>Reading tool results: the text block's JSON, or the error text.</summary>
internal static class ToolResults
{
    public static JsonElement Json(this CallToolResult result)
    {
        result.IsError.ShouldNotBe(true, result.Text());
        return JsonDocument.Parse(result.Text()).RootElement;
    }

    public static string Text(this CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static string Error(this CallToolResult result)
    {
        result.IsError.ShouldBe(true, result.Text());
        return result.Text();
    }

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null,
        CancellationToken ct = default)
    {
        var args = arguments is null ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        return await client.CallToolAsync(tool, args, progress, cancellationToken: ct);
    }
}
