using System.Net;
using System.Text;

namespace FakeAi.Tests;

/// <summary>Plain HTTP against a fake, for exact bodies, headers and SSE framing.</summary>
internal static class RawHttp
{
    private static readonly HttpClient Client = new();

    public static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(
        string url, string json, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(string url, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Dictionary<string, string> OpenAIHeaders(string key) => new() { ["Authorization"] = "Bearer " + key };

    public static Dictionary<string, string> AnthropicHeaders(string key) => new() { ["x-api-key"] = key, ["anthropic-version"] = "2023-06-01" };

    /// <summary>The SSE events of a body: (event name or null, data), in order.</summary>
    public static List<(string? Event, string Data)> Events(string body)
    {
        body.ShouldEndWith("\n\n");
        return [.. body[..^2].Split("\n\n").Select(block =>
        {
            var lines = block.Split('\n');
            var name = lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?["event: ".Length..];
            var data = lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
            lines.Length.ShouldBe(name is null ? 1 : 2, block);
            return (name, data);
        })];
    }
}
