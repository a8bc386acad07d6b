using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using FakeAi;
using OpenAI;

namespace FakeAi.Tests;

/// <summary>The official SDK clients, pointed at a fake. Retries are off unless a test asks for the SDK's default (null).</summary>
internal static class Sdk
{
    public static OpenAIClient OpenAI(FakeAiServer fake, string? key = null, int? retries = 0, TimeSpan? timeout = null)
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(fake.OpenAIEndpoint), NetworkTimeout = timeout };
        if (retries is { } count)
        {
            options.RetryPolicy = new ClientRetryPolicy(count);
        }

        return new OpenAIClient(new ApiKeyCredential(key ?? fake.Options.OpenAIKey), options);
    }

    public static AnthropicClient Anthropic(FakeAiServer fake, string? key = null, int? retries = 0, TimeSpan? timeout = null) => new()
    {
        ApiKey = key ?? fake.Options.AnthropicKey,
        BaseUrl = fake.AnthropicBaseUrl,
        MaxRetries = retries,
        Timeout = timeout,
    };
}
