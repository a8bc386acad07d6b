using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// Upwork's OAuth 2.0 token endpoint (docs/upwork-api.md §1): authorization-code and refresh grants, no <c>scope</c>
/// parameter. Every grant carries <c>client_id</c> and <c>client_secret</c> in the form body (Upwork answers a refresh
/// with Basic credentials only by 400 <c>invalid_request</c> "Missing parameters: client_id", §1.2) and HTTP Basic as
/// well. Tokens never reach a log.
/// </summary>
internal sealed class UpworkOAuthClient(HttpClient http, IOptions<UpworkOptions> options, TimeProvider time)
{
    /// <summary>The browser URL that asks the user to approve this app.</summary>
    public string AuthorizeUrl(string state)
    {
        var o = options.Value;
        return $"{o.AuthorizeUrl}?response_type=code&client_id={Uri.EscapeDataString(o.ClientId ?? "")}" +
               $"&redirect_uri={Uri.EscapeDataString(o.RedirectUri ?? "")}&state={Uri.EscapeDataString(state)}";
    }

    public Task<UpworkTokens> ExchangeCodeAsync(string code, CancellationToken ct) =>
        RequestAsync([new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", options.Value.RedirectUri ?? "")], ct);

    public Task<UpworkTokens> RefreshAsync(string refreshToken, CancellationToken ct) =>
        RequestAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], ct);

    private async Task<UpworkTokens> RequestAsync(List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured) throw new UpworkNotConfiguredException();
        form.Add(new("client_id", o.ClientId!));
        form.Add(new("client_secret", o.ClientSecret!));
        using var request = new HttpRequestMessage(HttpMethod.Post, o.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Options.Set(UpworkRequest.Operation, "oauth2.token");
        request.Options.Set(UpworkRequest.Category, UpworkRequest.AuthCategory);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var requestedAt = time.GetUtcNow();
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryParse<TokenError>(body);
            throw new UpworkOAuthException(error?.Error ?? $"http_{(int)response.StatusCode}", error?.Description ?? "The Upwork token endpoint refused the request.");
        }
        var tokens = TryParse<TokenResponse>(body) ?? throw new UpworkOAuthException("invalid_response", "The Upwork token endpoint answered with something that is not a token.");
        if (string.IsNullOrEmpty(tokens.AccessToken)) throw new UpworkOAuthException("invalid_response", "The Upwork token endpoint sent no access token.");
        var lifetime = TimeSpan.FromSeconds(tokens.ExpiresIn is > 0 ? tokens.ExpiresIn.Value : 86400);
        return new UpworkTokens(tokens.AccessToken, tokens.RefreshToken, requestedAt + lifetime,
            tokens.RefreshToken is null ? null : requestedAt + TimeSpan.FromDays(14));
    }

    private static T? TryParse<T>(string body) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(body); }
        catch (JsonException) { return null; }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("token_type")] string? TokenType,
        // The official libraries store expires_in as a string; accept "86400" as well as 86400.
        [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? ExpiresIn);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}

/// <summary>A token pair; <see cref="RefreshToken"/> is null when Upwork sent none (then the old one stays in use).</summary>
internal sealed record UpworkTokens(string AccessToken, string? RefreshToken, DateTimeOffset AccessTokenExpiresAt, DateTimeOffset? RefreshTokenExpiresAt)
{
    public override string ToString() => $"Upwork tokens (access until {AccessTokenExpiresAt:u})";
}

/// <summary>The token endpoint said no; <see cref="Error"/> is the OAuth error code (e.g. <c>invalid_grant</c>).</summary>
internal sealed class UpworkOAuthException(string error, string description) : Exception($"Upwork OAuth {error}: {description}")
{
    public string Error { get; } = error;
    public string Description { get; } = description;
    /// <summary>
    /// Upwork will not refresh this authorization however often we ask: the token is dead (<c>invalid_grant</c>), the
    /// key was changed or revoked (<c>invalid_client</c>), or the request shape is refused (<c>invalid_request</c>).
    /// Only the user approving the app again helps.
    /// </summary>
    public bool NeedsReconnect => Error is "invalid_grant" or "invalid_client" or "invalid_request";
}

/// <summary>Upwork:ClientId, ClientSecret or RedirectUri is missing.</summary>
internal sealed class UpworkNotConfiguredException() : Exception("The Upwork API key is not configured: set Upwork:ClientId, Upwork:ClientSecret and Upwork:RedirectUri.");
