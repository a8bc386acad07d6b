using System.Net.Http.Headers;
using System.Text.Json;
using Contracts.Ai;
using Modules.Ai.Integrations.Providers;

namespace Modules.Ai.Integrations;

/// <summary>
/// "Test connection": lists the provider's models with the key, through the same no-redirect clients the writer uses
/// (a user's own base URL goes through the guarded one). The key goes only into the request header.
/// </summary>
internal sealed class AiKeyTester(AiHttpClients clients, IOptionsMonitor<AiOptions> options, ILogger<AiKeyTester> log) : IAiKeyTester
{
    internal const string AnthropicVersion = "2023-06-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public async Task<AiKeyTestResult> TestAsync(string provider, string apiKey, string? baseUrl, bool baseUrlFromUser, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var (name, configured) = provider switch
        {
            AiProviderKinds.OpenAI => ("OpenAI", o.OpenAI.BaseUrl),
            AiProviderKinds.Anthropic => ("Anthropic", o.Anthropic.BaseUrl),
            AiProviderKinds.OpenAICompatible => ("The model server", o.OpenAICompatible.BaseUrl),
            _ => (provider, null),
        };
        if (name == provider) return new AiKeyTestResult(false, $"{provider} is not a provider that can be tested");
        var fromUser = baseUrlFromUser && !string.IsNullOrWhiteSpace(baseUrl);
        var root = string.IsNullOrWhiteSpace(baseUrl) ? configured : baseUrl;
        if (!Uri.TryCreate(root?.TrimEnd('/') + "/", UriKind.Absolute, out var rootUri) || rootUri.Scheme is not ("http" or "https"))
            return new AiKeyTestResult(false, $"{name} has no base URL to test against: add one to the key, or ask the admin to configure it");

        // OpenAI-style base URLs end in /v1 (GET {base}/models); Anthropic's is the host (GET {base}/v1/models).
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(rootUri, provider == AiProviderKinds.Anthropic ? "v1/models" : "models"));
        if (provider == AiProviderKinds.Anthropic)
        {
            request.Headers.Add("x-api-key", apiKey);
            request.Headers.Add("anthropic-version", AnthropicVersion);
        }
        else if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await clients.For(fromUser).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                var count = ModelCount(body);
                return new AiKeyTestResult(true, count is { } n ? $"{name} accepted the key ({n} models available)" : $"{name} accepted the key", count);
            }
            var reason = Redact(ErrorMessage(body), apiKey);
            var status = (int)response.StatusCode;
            var what = status switch
            {
                401 or 403 => $"{name} refused the key",
                >= 300 and < 400 => $"{name} answered with a redirect, which is not followed (it would carry the key elsewhere)",
                429 => $"{name} is rate-limiting this key right now",
                _ => $"{name} answered {status}",
            };
            log.LogInformation("Key test for {Provider} failed with HTTP {Status}", provider, status);
            return new AiKeyTestResult(false, reason is null ? what : $"{what}: {reason}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AiKeyTestResult(false, $"{name} did not answer within {Timeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException e)
        {
            // The message of a refused connection names the host, never the key; the guard's refusal explains itself.
            log.LogInformation("Key test for {Provider} could not connect: {Error}", provider, e.Message);
            return new AiKeyTestResult(false, $"Could not reach {name}: {Redact(e.InnerException?.Message ?? e.Message, apiKey)}");
        }
    }

    private static int? ModelCount(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.GetArrayLength() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Both providers put the reason in <c>error.message</c>; some compatible servers use a string <c>error</c>.</summary>
    private static string? ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("error", out var error)) return null;
            if (error.ValueKind == JsonValueKind.String) return error.GetString();
            return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Redact(string? text, string apiKey) =>
        text is null || apiKey.Length < 4 ? text : text.Replace(apiKey, "[your key]", StringComparison.Ordinal);
}
