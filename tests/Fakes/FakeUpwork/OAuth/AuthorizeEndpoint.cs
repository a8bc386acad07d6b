using System.Net;
using System.Text;
using FakeUpwork.Http;
using Microsoft.AspNetCore.Http;

namespace FakeUpwork.OAuth;

/// <summary>
/// <c>GET /ab/account-security/oauth2/authorize</c>: validates the client and the exact redirect URI (an error page, never a
/// redirect, when they are wrong), refuses a <c>scope</c> parameter with <c>error=invalid_scope</c>, then auto-approves
/// the configured user and redirects with a single-use code (10 minutes on the fake clock).
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task HandleAsync(HttpContext context, ServerContext server)
    {
        var query = context.Request.Query;
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;

        var clientId = Param("client_id");
        var redirectUri = Param("redirect_uri");
        var responseType = Param("response_type");
        var state = Param("state");

        if (string.IsNullOrEmpty(clientId))
        {
            await ErrorPageAsync(context, "invalid_request", "Missing parameters: client_id");
            return;
        }

        FakeClient? client;
        lock (server.State.Sync)
        {
            client = server.State.FindClient(clientId)?.Clone();
        }

        if (client is null)
        {
            await ErrorPageAsync(context, "invalid_client", "Unknown client_id.");
            return;
        }

        if (string.IsNullOrEmpty(redirectUri))
        {
            await ErrorPageAsync(context, "invalid_request", "Missing parameters: redirect_uri");
            return;
        }

        if (!string.Equals(redirectUri, client.RedirectUri, StringComparison.Ordinal))
        {
            await ErrorPageAsync(context, "invalid_request", "The redirect_uri does not match the callback URL registered for this key.");
            return;
        }

        if (responseType is not ("code" or "token"))
        {
            Redirect(context, redirectUri, '?', ("error", "unsupported_response_type"), ("state", state));
            return;
        }

        if (query.ContainsKey("scope"))
        {
            Redirect(context, redirectUri, responseType == "token" ? '#' : '?', ("error", "invalid_scope"), ("state", state ?? ""));
            return;
        }

        var userId = server.State.ApprovingUserId;
        if (responseType == "code")
        {
            var code = server.State.IssueCode(client.ClientId, redirectUri, userId);
            Redirect(context, redirectUri, '?', ("code", code), ("state", state));
            return;
        }

        var (access, _) = server.State.IssueTokens(client.ClientId, userId, "implicit", withRefresh: false);
        Redirect(context, redirectUri, '#', ("access_token", access), ("token_type", "bearer"), ("expires_in", "86399"), ("state", state));
    }

    private static void Redirect(HttpContext context, string redirectUri, char separator, params (string Name, string? Value)[] parameters)
    {
        var target = new StringBuilder(redirectUri);
        var first = true;
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            var sep = first ? (separator == '?' && redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : separator) : '&';
            target.Append(sep).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target.ToString();
    }

    private static async Task ErrorPageAsync(HttpContext context, string error, string description)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = "<!DOCTYPE html><html><head><title>Authorization error</title></head><body><h1>Authorization error</h1><p>"
            + WebUtility.HtmlEncode(error) + ": " + WebUtility.HtmlEncode(description) + "</p></body></html>";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
