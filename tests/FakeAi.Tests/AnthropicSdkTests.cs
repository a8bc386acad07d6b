using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using FakeAi;

namespace FakeAi.Tests;

/// <summary>The fake through the official Anthropic 13.14 SDK, as the app will call it.</summary>
public sealed class AnthropicSdkTests
{
    private static MessageCreateParams Params(long maxTokens = 1024, string model = "claude-sonnet-4-5") => new()
    {
        Model = model,
        MaxTokens = maxTokens,
        System = "You write short, honest Upwork proposals.",
        Messages = [new UserMessageParam("Title: Automate invoice exports from Xero\n\nWe need a script.")],
    };

    [Fact]
    public async Task Create_returns_the_default_cover_letter_with_usage()
    {
        await using var fake = await FakeAiServer.StartAsync();
        using var client = Sdk.Anthropic(fake);

        var message = await client.Messages.Create(Params());

        message.ID.ShouldStartWith("msg_");
        message.Model.Raw().ShouldBe("claude-sonnet-4-5");
        message.StopReason!.Raw().ShouldBe("end_turn");
        message.Content.Single().TryPickText(out var block).ShouldBeTrue();
        block.Text.ShouldContain("\"Automate invoice exports from Xero\"");
        block.Text.ShouldEndWith("?");
        var request = fake.Received.Single();
        message.Usage.InputTokens.ShouldBe((request.System!.Length + request.Messages.Sum(m => m.Text.Length) + 3) / 4);
        message.Usage.OutputTokens.ShouldBe((block.Text.Length + 3) / 4);
    }

    [Fact]
    public async Task CreateStreaming_yields_the_events_in_order_with_many_deltas_and_usage()
    {
        await using var fake = await FakeAiServer.StartAsync();
        using var client = Sdk.Anthropic(fake);

        var kinds = new List<string>();
        var text = new StringBuilder();
        long? inputTokens = null, outputTokens = null;
        string? stopReason = null;
        await foreach (var streamEvent in client.Messages.CreateStreaming(Params()))
        {
            if (streamEvent.TryPickStart(out var start))
            {
                kinds.Add("message_start");
                inputTokens = start.Message.Usage.InputTokens;
            }
            else if (streamEvent.TryPickContentBlockStart(out _))
            {
                kinds.Add("content_block_start");
            }
            else if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                kinds.Add("content_block_delta");
                text.Append(piece.Text);
            }
            else if (streamEvent.TryPickContentBlockStop(out _))
            {
                kinds.Add("content_block_stop");
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                kinds.Add("message_delta");
                stopReason = messageDelta.Delta.StopReason?.Raw();
                outputTokens = messageDelta.Usage.OutputTokens;
            }
            else if (streamEvent.TryPickStop(out _))
            {
                kinds.Add("message_stop");
            }
        }

        kinds.Distinct().ShouldBe(["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
        kinds.Count(k => k == "content_block_delta").ShouldBeGreaterThan(50);
        text.ToString().ShouldBe(FakeAiScript.DefaultReply(fake.Received.Single()));
        stopReason.ShouldBe("end_turn");
        inputTokens.ShouldNotBeNull().ShouldBeGreaterThan(0);
        outputTokens.ShouldBe((text.Length + 3) / 4);
        fake.Received.Single().Stream.ShouldBeTrue();
        fake.Received.StreamsCompleted.ShouldBe(1);
    }

    [Fact]
    public async Task With_a_chunk_delay_the_first_delta_arrives_while_the_stream_is_still_open()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.ChunkDelay = TimeSpan.FromSeconds(30); // after the first delta the fake waits: a buffering client would hang here
        using var client = Sdk.Anthropic(fake);

        string? first = null;
        await foreach (var streamEvent in client.Messages.CreateStreaming(Params()))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                first = piece.Text;
                fake.Received.StreamsStarted.ShouldBe(1);
                fake.Received.StreamsCompleted.ShouldBe(0);
                break;
            }
        }

        first.ShouldBe("Hello,\n\nThank you");
        (await fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1)).ShouldBeTrue(); // leaving the loop closes the stream
    }

    [Fact]
    public async Task Max_tokens_truncates_the_reply_with_stop_reason_max_tokens()
    {
        await using var fake = await FakeAiServer.StartAsync();
        using var client = Sdk.Anthropic(fake);

        var message = await client.Messages.Create(Params(maxTokens: 30));

        message.StopReason!.Raw().ShouldBe("max_tokens");
        message.Content.Single().TryPickText(out var block).ShouldBeTrue();
        block.Text.Length.ShouldBe(120);
        message.Usage.OutputTokens.ShouldBe(30);
    }

    [Fact]
    public async Task The_log_records_model_system_messages_max_tokens_temperature_and_the_bearer_key()
    {
        await using var fake = await FakeAiServer.StartAsync();
        using var client = Sdk.Anthropic(fake);
        var parameters = new MessageCreateParams
        {
            Model = "claude-haiku-4-5",
            MaxTokens = 900,
            System = new List<TextBlockParam> { new("Rule one."), new("Rule two.") },
            Messages =
            [
                new UserMessageParam(new List<ContentBlockParam> { new TextBlockParam("Job: "), new TextBlockParam("scrape a site") }),
                new AssistantMessageParam("Earlier draft."),
                new UserMessageParam("Shorter, please."),
            ],
        };

        // Anthropic 13.14 has no Temperature on MessageCreateParams: extra body fields go through the raw body.
        var body = parameters.RawBodyData.ToDictionary();
        body["temperature"] = JsonSerializer.SerializeToElement(0.4);
        await client.Messages.Create(MessageCreateParams.FromRawUnchecked(parameters.RawHeaderData, parameters.RawQueryData, body));

        var request = fake.Received.Single();
        request.Provider.ShouldBe(FakeAiProviders.Anthropic);
        request.Path.ShouldBe("/v1/messages");
        request.Model.ShouldBe("claude-haiku-4-5");
        request.System.ShouldBe("Rule one.\n\nRule two.");
        request.Messages.ShouldBe(
        [
            new FakeAiMessage("user", "Job: scrape a site"),
            new FakeAiMessage("assistant", "Earlier draft."),
            new FakeAiMessage("user", "Shorter, please."),
        ]);
        request.MaxTokens.ShouldBe(900);
        request.Temperature.ShouldBe(0.4);
        request.Stream.ShouldBeFalse();
        request.ApiKey.ShouldBe(FakeAiOptions.DefaultAnthropicKey);
        request.Headers["Authorization"].ShouldBe("Bearer sk-ant-test"); // the SDK sends the API key as Bearer, not x-api-key
        request.Headers.ContainsKey("x-api-key").ShouldBeFalse();
        request.Headers["anthropic-version"].ShouldNotBeNullOrEmpty(); // "2026-10-21" from 13.14.0
    }

    [Fact]
    public async Task A_wrong_key_fails_with_AnthropicUnauthorizedException()
    {
        await using var fake = await FakeAiServer.StartAsync();
        using var client = Sdk.Anthropic(fake, key: "sk-ant-wrong", retries: null);

        var error = await Should.ThrowAsync<AnthropicUnauthorizedException>(() => client.Messages.Create(Params()));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.ResponseBody.ShouldContain("\"authentication_error\"");
        fake.Received.Count().ShouldBe(1); // 401 is not retried
    }

    [Fact]
    public async Task A_rate_limit_fails_with_AnthropicRateLimitException_and_retry_after_when_retries_are_off()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(429, TimeSpan.FromSeconds(12)), provider: FakeAiProviders.Anthropic);
        using var client = Sdk.Anthropic(fake);

        var error = await Should.ThrowAsync<AnthropicRateLimitException>(() => client.Messages.Create(Params()));

        error.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        error.ResponseBody.ShouldContain("\"rate_limit_error\"");
        error.RequestID.ShouldNotBeNull().ShouldStartWith("req_");
    }

    [Fact]
    public async Task Server_errors_and_overload_map_to_their_exception_types()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(500));
        fake.Script.Enqueue(FakeAiFault.Status(529));
        using var client = Sdk.Anthropic(fake);

        (await Should.ThrowAsync<AnthropicApiException>(() => client.Messages.Create(Params()))).ResponseBody.ShouldContain("\"api_error\"");
        (await Should.ThrowAsync<AnthropicOverloadedException>(() => client.Messages.Create(Params()))).ResponseBody.ShouldContain("\"overloaded_error\"");
    }

    [Fact]
    public async Task The_SDKs_default_retries_ride_out_an_overloaded_529()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(529));
        using var client = Sdk.Anthropic(fake, retries: null);

        var message = await client.Messages.Create(Params());

        message.StopReason!.Raw().ShouldBe("end_turn");
        fake.Received.Count(FakeAiProviders.Anthropic).ShouldBe(2);
        fake.Received[1].Headers["x-stainless-retry-count"].ShouldBe("1");
    }

    [Fact]
    public async Task A_slow_first_byte_makes_the_client_give_up_at_its_timeout()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Slow(TimeSpan.FromSeconds(30)));
        // Long enough that a busy machine still sends the request before giving up; far shorter than the delay.
        using var client = Sdk.Anthropic(fake, timeout: TimeSpan.FromSeconds(2));

        var error = await Record.ExceptionAsync(() => client.Messages.Create(Params()));

        error.ShouldBeOfType<TaskCanceledException>().InnerException.ShouldBeOfType<TimeoutException>();
        (await fake.Received.WaitForAsync(l => l.Count() == 1, TimeSpan.FromSeconds(10))).ShouldBeTrue("the fake never saw the request");
    }

    [Fact]
    public async Task The_SDK_timeout_stops_at_the_headers_so_a_slow_stream_outlasts_it()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "one two three four";
        fake.Script.ChunkSize = 1;
        fake.Script.ChunkDelay = TimeSpan.FromMilliseconds(700); // four chunks: the stream lasts well over the timeout
        using var client = Sdk.Anthropic(fake, timeout: TimeSpan.FromSeconds(1.5));

        var deltas = 0;
        await foreach (var streamEvent in client.Messages.CreateStreaming(Params()))
        {
            deltas += streamEvent.TryPickContentBlockDelta(out _) ? 1 : 0;
        }

        deltas.ShouldBe(4);
        fake.Received.StreamsCompleted.ShouldBe(1);
    }

    [Fact]
    public async Task A_client_cancelling_mid_stream_is_counted_as_aborted()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.ChunkDelay = TimeSpan.FromSeconds(30); // the fake is mid-stream, waiting, when the client cancels
        using var client = Sdk.Anthropic(fake);
        using var cancel = new CancellationTokenSource();

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var streamEvent in client.Messages.CreateStreaming(Params(), cancel.Token))
            {
                if (streamEvent.TryPickContentBlockDelta(out _))
                {
                    await cancel.CancelAsync();
                }
            }
        });

        error.ShouldBeAssignableTo<OperationCanceledException>();
        (await fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1)).ShouldBeTrue();
        fake.Received.StreamsCompleted.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_model_fails_with_not_found()
    {
        await using var fake = await FakeAiServer.StartAsync(new FakeAiOptions { UnknownModels = new HashSet<string> { "claude-opus-4-1" } });
        using var client = Sdk.Anthropic(fake);

        var error = await Should.ThrowAsync<AnthropicNotFoundException>(() => client.Messages.Create(Params(model: "claude-opus-4-1")));

        error.ResponseBody.ShouldContain("\"message\":\"model: claude-opus-4-1\"");
        var models = await client.Models.List();
        models.Items.Select(m => m.ID).ShouldBe(["claude-sonnet-4-5", "claude-haiku-4-5"]);
    }
}
