using System.Runtime.CompilerServices;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Contracts.Ai;

namespace Modules.Ai.Integrations.Providers;

/// <summary>
/// Anthropic's Messages API through the official SDK, streamed; the SDK's own retries are off (the chain retries).
/// SDK 13.x has no temperature property on messages, so it is added to the raw request body.
/// </summary>
internal sealed class AnthropicProvider(AiHttpClients http) : ILetterProvider
{
    public string Kind => AiProviderKinds.Anthropic;

    public async IAsyncEnumerable<ProviderChunk> StreamAsync(ProviderCall call, [EnumeratorCancellation] CancellationToken ct)
    {
        var client = new AnthropicClient
        {
            ApiKey = call.ApiKey ?? "",
            HttpClient = http.For(call.UserSuppliedUrl),
            MaxRetries = 0,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (call.BaseUrl is not null) client = (AnthropicClient)client.WithOptions(o => o with { BaseUrl = call.BaseUrl.ToString().TrimEnd('/') });
        var typed = new MessageCreateParams
        {
            Model = call.Model,
            MaxTokens = call.MaxTokens,
            System = call.Prompt.System,
            Messages = [new UserMessageParam(call.Prompt.User)],
        };
        // SDK 13.x has no Temperature property; the API takes it, so it goes into the raw body.
        var body = typed.RawBodyData.ToDictionary();
        body["temperature"] = System.Text.Json.JsonSerializer.SerializeToElement(call.Temperature);
        var request = MessageCreateParams.FromRawUnchecked(typed.RawHeaderData, typed.RawQueryData, body);

        long? input = null;
        var stream = client.Messages.CreateStreaming(request, ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                RawMessageStreamEvent e;
                try
                {
                    if (!await stream.MoveNextAsync()) yield break;
                    e = stream.Current;
                }
                catch (AnthropicApiException x)
                {
                    throw ProviderException.FromStatus((int)x.StatusCode, "Anthropic", null, x);
                }
                catch (Exception x) when (x is HttpRequestException or IOException or AnthropicException)
                {
                    throw ProviderException.FromStatus(0, "Anthropic", null, x);
                }
                if (e.TryPickStart(out var start)) input = start.Message.Usage.InputTokens;
                else if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var text) && !string.IsNullOrEmpty(text.Text))
                    yield return new ProviderChunk(text.Text);
                else if (e.TryPickDelta(out var end))
                    yield return new ProviderChunk(null, (int?)input, (int?)end.Usage.OutputTokens);
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }
}
