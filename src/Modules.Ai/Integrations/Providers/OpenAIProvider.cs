using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Contracts.Ai;
using OpenAI;
using OpenAI.Chat;

namespace Modules.Ai.Integrations.Providers;

/// <summary>
/// OpenAI through the official SDK, and any OpenAI-compatible server (Ollama, LM Studio, vLLM, llama.cpp) through the
/// same code with another base URL. The SDK's own retries are off: the chain retries, with a cap on how long it waits.
/// </summary>
internal sealed class OpenAIProvider(string kind, AiHttpClients http) : ILetterProvider
{
    public string Kind { get; } = kind;

    private string Name => Kind == AiProviderKinds.OpenAI ? "OpenAI" : "The local model server";

    public async IAsyncEnumerable<ProviderChunk> StreamAsync(ProviderCall call, [EnumeratorCancellation] CancellationToken ct)
    {
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http.For(call.UserSuppliedUrl)),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = TimeSpan.FromMinutes(10),
        };
        if (call.BaseUrl is not null) options.Endpoint = call.BaseUrl;
        // A local server usually needs no key, but the SDK insists on one.
        var client = new ChatClient(call.Model, new ApiKeyCredential(string.IsNullOrEmpty(call.ApiKey) ? "not-needed" : call.ApiKey), options);
        List<ChatMessage> messages = [new SystemChatMessage(call.Prompt.System), new UserChatMessage(call.Prompt.User)];
        var settings = new ChatCompletionOptions { MaxOutputTokenCount = call.MaxTokens, Temperature = (float)call.Temperature };

        var stream = client.CompleteChatStreamingAsync(messages, settings, ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await stream.MoveNextAsync()) yield break;
                    update = stream.Current;
                }
                catch (ClientResultException e)
                {
                    throw ProviderException.FromStatus(e.Status, Name, RetryAfter(e.GetRawResponse()), e);
                }
                catch (HttpRequestException e)
                {
                    throw ProviderException.FromStatus(0, Name, null, e);
                }
                catch (IOException e)
                {
                    throw ProviderException.FromStatus(0, Name, null, e);
                }
                foreach (var part in update.ContentUpdate)
                    if (!string.IsNullOrEmpty(part.Text)) yield return new ProviderChunk(part.Text);
                if (update.Usage is { } usage) yield return new ProviderChunk(null, usage.InputTokenCount, usage.OutputTokenCount);
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, out var m)) return TimeSpan.FromMilliseconds(m);
        return response.Headers.TryGetValue("retry-after", out var s) && double.TryParse(s, out var sec) ? TimeSpan.FromSeconds(sec) : null;
    }
}
