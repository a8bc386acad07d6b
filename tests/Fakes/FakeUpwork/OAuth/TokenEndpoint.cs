using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FakeUpwork.Http;
using Microsoft.AspNetCore.Http;

namespace FakeUpwork.OAuth;

/// <summary>
/// <c>POST /api/v3/oauth2/token</c> (form-urlencoded). Client authentication by HTTP Basic or body parameters for the
/// code and client-credentials grants; the refresh grant needs <c>client_id</c> in the body, Basic alone is refused with
/// 400 <c>invalid_request</c> "Missing parameters: client_id" as Upwork does (docs/upwork-api.md §1.2, §7.2). Grants
/// authorization_code, refresh_token (with rotation) and client_credentials (enterprise keys only).
/// Errors are 400 <c>{"error":…,"error_description":…}</c>.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task HandleAsync(HttpContext context, ServerContext server)
    {
        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : FormCollection.Empty;
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        var grantType = Field("grant_type");
        context.Items[ServerContext.VariablesKey] = grantType is null ? null : "grant_type=" + grantType;
        if (server.Faults.TakeTokenRefusal() is { } refusal)
        {
            await ErrorAsync(context, refusal.Error, refusal.Description);
            return;
        }

        // Upwork's refresh grant reads the client from the body only; Basic may come along but does not count.
        var (clientId, secret) = grantType == "refresh_token"
            ? (Field("client_id"), Field("client_secret") ?? ReadBasic(context.Request)?.Secret)
            : ReadBasic(context.Request) ?? (Field("client_id"), Field("client_secret"));
        if (string.IsNullOrEmpty(clientId))
        {
            await ErrorAsync(context, "invalid_request", "Missing parameters: client_id");
            return;
        }

        FakeClient? client;
        lock (server.State.Sync)
        {
            client = server.State.FindClient(clientId)?.Clone();
        }

        if (client is null || !string.Equals(secret, client.ClientSecret, StringComparison.Ordinal))
        {
            await ErrorAsync(context, "invalid_client", "Client authentication failed");
            return;
        }

        switch (grantType)
        {
            case null:
                await ErrorAsync(context, "invalid_request", "Missing parameters: grant_type");
                return;

            case "authorization_code":
                {
                    var code = Field("code");
                    var redirectUri = Field("redirect_uri");
                    if (code is null || redirectUri is null)
                    {
                        await ErrorAsync(context, "invalid_request", "Missing parameters: " + (code is null ? "code" : "redirect_uri"));
                        return;
                    }

                    var userId = server.State.RedeemCode(code, client.ClientId, redirectUri);
                    if (userId is null)
                    {
                        await ErrorAsync(context, "invalid_grant", "Invalid authorization code");
                        return;
                    }

                    var (access, refresh) = server.State.IssueTokens(client.ClientId, userId, grantType, withRefresh: true);
                    await SuccessAsync(context, server, access, refresh);
                    return;
                }

            case "refresh_token":
                {
                    var refreshToken = Field("refresh_token");
                    if (refreshToken is null)
                    {
                        await ErrorAsync(context, "invalid_request", "Missing parameters: refresh_token");
                        return;
                    }

                    var rotated = server.State.Refresh(client.ClientId, refreshToken);
                    if (rotated is null)
                    {
                        await ErrorAsync(context, "invalid_grant", "Refresh token is expired or revoked or not registered");
                        return;
                    }

                    await SuccessAsync(context, server, rotated.Value.Access, rotated.Value.Refresh);
                    return;
                }

            case "client_credentials":
                {
                    if (!client.Enterprise)
                    {
                        await ErrorAsync(context, "unauthorized_client", "The client is not authorized to use this grant type");
                        return;
                    }

                    var (access, _) = server.State.IssueTokens(client.ClientId, server.State.ApprovingUserId, grantType, withRefresh: false);
                    await SuccessAsync(context, server, access, refresh: null);
                    return;
                }

            default:
                await ErrorAsync(context, "unsupported_grant_type", "Unsupported grant type: " + grantType);
                return;
        }
    }

    private static (string? Id, string? Secret)? ReadBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (Uri.UnescapeDataString(decoded), null)
                : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static Task SuccessAsync(HttpContext context, ServerContext server, string access, string? refresh)
    {
        var body = new JsonObject { ["access_token"] = access };
        if (refresh is not null)
        {
            body["refresh_token"] = refresh;
        }

        body["token_type"] = "Bearer";
        body["expires_in"] = server.Faults.ExpiresInAsString ? JsonValue.Create("86400") : JsonValue.Create(86400);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return JsonOut.WriteAsync(context, StatusCodes.Status200OK, body);
    }

    private static Task ErrorAsync(HttpContext context, string error, string description) =>
        JsonOut.WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description,
        });
}
