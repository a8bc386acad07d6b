using System.ClientModel;
using System.Text;
using FakeAi;
using OpenAI.Chat;

namespace FakeAi.Tests;

/// <summary>The fake through the official OpenAI 2.15 SDK, as the app will call it.</summary>
public sealed class OpenAISdkTests
{
    private static readonly ChatMessage[] Prompt =
    [
        new SystemChatMessage("You write short, honest Upwork proposals."),
        new UserChatMessage("Title: Build a .NET 10 REST API for a booking app\n\nWe need an experienced developer."),
    ];

    [Fact]
    public async Task CompleteChat_returns_the_default_cover_letter_with_usage()
    {
        await using var fake = await FakeAiServer.StartAsync();
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        ChatCompletion completion = await chat.CompleteChatAsync(Prompt);

        var text = completion.Content.Single().Text;
        text.ShouldContain("\"Build a .NET 10 REST API for a booking app\"");
        text.ShouldEndWith("?");
        completion.Id.ShouldStartWith("chatcmpl-");
        completion.Model.ShouldBe("gpt-4o");
        completion.Role.ShouldBe(ChatMessageRole.Assistant);
        completion.FinishReason.ShouldBe(ChatFinishReason.Stop);
        var inputChars = Prompt.Sum(m => m.Content.Sum(p => p.Text.Length));
        completion.Usage.InputTokenCount.ShouldBe((inputChars + 3) / 4);
        completion.Usage.OutputTokenCount.ShouldBe((text.Length + 3) / 4);
        completion.Usage.TotalTokenCount.ShouldBe(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task Streaming_delivers_the_reply_in_several_chunks_and_then_usage()
    {
        await using var fake = await FakeAiServer.StartAsync();
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o-mini");

        var text = new StringBuilder();
        var contentUpdates = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync(Prompt))
        {
            foreach (var part in update.ContentUpdate.Where(p => p.Text.Length > 0))
            {
                text.Append(part.Text);
                contentUpdates++;
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        text.ToString().ShouldBe(FakeAiScript.DefaultReply(fake.Received.Last()!));
        contentUpdates.ShouldBeGreaterThan(50); // about 330 words, three per chunk
        finish.ShouldBe(ChatFinishReason.Stop);
        usage.ShouldNotBeNull();
        usage.OutputTokenCount.ShouldBe((text.Length + 3) / 4);
        fake.Received.Last()!.IncludeUsage.ShouldBeTrue(); // the SDK always asks for usage when it streams
        fake.Received.StreamsStarted.ShouldBe(1);
        fake.Received.StreamsCompleted.ShouldBe(1);
    }

    [Fact]
    public async Task With_a_chunk_delay_the_first_chunk_arrives_while_the_stream_is_still_open()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.ChunkDelay = TimeSpan.FromSeconds(30); // after the first chunk the fake waits: a buffering client would hang here
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        string? first = null;
        await foreach (var update in chat.CompleteChatStreamingAsync(Prompt))
        {
            first = update.ContentUpdate.FirstOrDefault(p => p.Text.Length > 0)?.Text;
            if (first is not null)
            {
                fake.Received.StreamsStarted.ShouldBe(1);
                fake.Received.StreamsCompleted.ShouldBe(0);
                break;
            }
        }

        first.ShouldBe("Hello,\n\nThank you");
        (await fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1)).ShouldBeTrue(); // leaving the loop closes the stream
    }

    [Fact]
    public async Task Max_output_tokens_truncates_the_reply_with_finish_reason_length()
    {
        await using var fake = await FakeAiServer.StartAsync();
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        ChatCompletion completion = await chat.CompleteChatAsync(Prompt, new ChatCompletionOptions { MaxOutputTokenCount = 25 });

        completion.FinishReason.ShouldBe(ChatFinishReason.Length);
        completion.Content.Single().Text.Length.ShouldBe(100);
        completion.Usage.OutputTokenCount.ShouldBe(25);

        var streamed = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync(Prompt, new ChatCompletionOptions { MaxOutputTokenCount = 25 }))
        {
            streamed.AppendJoin("", update.ContentUpdate.Select(p => p.Text));
            finish ??= update.FinishReason;
        }

        streamed.ToString().ShouldBe(completion.Content.Single().Text);
        finish.ShouldBe(ChatFinishReason.Length);
    }

    [Fact]
    public async Task The_log_records_model_system_prompt_messages_max_tokens_temperature_and_key()
    {
        await using var fake = await FakeAiServer.StartAsync();
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4.1");
        ChatMessage[] messages =
        [
            new SystemChatMessage("Rule one."),
            new SystemChatMessage("Rule two."),
            new UserChatMessage(ChatMessageContentPart.CreateTextPart("Job: "), ChatMessageContentPart.CreateTextPart("scrape a site")),
            new AssistantChatMessage("Earlier draft."),
            new UserChatMessage("Shorter, please."),
        ];

        await chat.CompleteChatAsync(messages, new ChatCompletionOptions { MaxOutputTokenCount = 700, Temperature = 0.3f });

        var request = fake.Received.Single();
        request.Provider.ShouldBe(FakeAiProviders.OpenAI);
        request.Path.ShouldBe("/v1/chat/completions");
        request.Model.ShouldBe("gpt-4.1");
        request.System.ShouldBe("Rule one.\n\nRule two.");
        request.Messages.ShouldBe(
        [
            new FakeAiMessage("system", "Rule one."),
            new FakeAiMessage("system", "Rule two."),
            new FakeAiMessage("user", "Job: scrape a site"),
            new FakeAiMessage("assistant", "Earlier draft."),
            new FakeAiMessage("user", "Shorter, please."),
        ]);
        request.LastUserMessage.ShouldBe("Shorter, please.");
        request.Stream.ShouldBeFalse();
        request.MaxTokens.ShouldBe(700);
        request.RawBody.ShouldContain("\"max_completion_tokens\":700");
        request.Temperature.ShouldNotBeNull();
        request.Temperature.Value.ShouldBe(0.3, 1e-6);
        request.ApiKey.ShouldBe(FakeAiOptions.DefaultOpenAIKey);
        request.Headers["Authorization"].ShouldBe("Bearer sk-test-openai");
        request.Headers["User-Agent"].ShouldContain("OpenAI");
    }

    [Fact]
    public async Task A_wrong_key_fails_with_401_and_is_not_retried_by_default()
    {
        await using var fake = await FakeAiServer.StartAsync();
        var chat = Sdk.OpenAI(fake, key: "sk-wrong-key", retries: null).GetChatClient("gpt-4o");

        var error = await Should.ThrowAsync<ClientResultException>(() => chat.CompleteChatAsync(Prompt));

        error.Status.ShouldBe(401);
        error.Message.ShouldContain("Incorrect API key provided: sk-wr****.");
        fake.Received.Count().ShouldBe(1);
        fake.Received.Single().ApiKey.ShouldBe("sk-wrong-key");
    }

    [Fact]
    public async Task A_rate_limit_fails_with_429_and_retry_after_when_retries_are_off()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(429, TimeSpan.FromSeconds(7)));
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        var error = await Should.ThrowAsync<ClientResultException>(() => chat.CompleteChatAsync(Prompt));

        error.Status.ShouldBe(429);
        error.Message.ShouldContain("Rate limit reached for gpt-4o");
        var response = error.GetRawResponse()!;
        response.Headers.TryGetValue("retry-after", out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe("7");
        response.Headers.TryGetValue("x-ratelimit-remaining-requests", out var remaining).ShouldBeTrue();
        remaining.ShouldBe("0");
        fake.Script.PendingFaults.ShouldBe(0);
    }

    [Fact]
    public async Task A_server_error_fails_with_500_when_retries_are_off()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(500));
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        var error = await Should.ThrowAsync<ClientResultException>(() => chat.CompleteChatAsync(Prompt));

        error.Status.ShouldBe(500);
        error.Message.ShouldContain("The server had an error while processing your request.");
    }

    [Fact]
    public async Task The_SDKs_default_retry_policy_retries_a_503_and_succeeds()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(503));
        var chat = Sdk.OpenAI(fake, retries: null).GetChatClient("gpt-4o");

        ChatCompletion completion = await chat.CompleteChatAsync(Prompt);

        completion.FinishReason.ShouldBe(ChatFinishReason.Stop);
        fake.Received.Count(FakeAiProviders.OpenAI).ShouldBe(2);
    }

    [Fact]
    public async Task A_slow_first_byte_makes_the_client_give_up_at_its_network_timeout()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.FirstByteDelay = TimeSpan.FromSeconds(30);
        // Long enough that a busy machine still sends the request before giving up; far shorter than the delay.
        var chat = Sdk.OpenAI(fake, timeout: TimeSpan.FromSeconds(2)).GetChatClient("gpt-4o");

        var error = await Record.ExceptionAsync(() => chat.CompleteChatAsync(Prompt));

        error.ShouldBeAssignableTo<OperationCanceledException>();
        error.Message.ShouldContain("NetworkTimeout");
        (await fake.Received.WaitForAsync(l => l.Count() == 1, TimeSpan.FromSeconds(10))).ShouldBeTrue("the fake never saw the request");
    }

    [Fact]
    public async Task The_network_timeout_also_bounds_each_wait_for_the_next_chunk()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.ChunkDelay = TimeSpan.FromSeconds(30);
        var chat = Sdk.OpenAI(fake, timeout: TimeSpan.FromSeconds(2)).GetChatClient("gpt-4o");

        var chunks = 0;
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in chat.CompleteChatStreamingAsync(Prompt))
            {
                chunks += update.ContentUpdate.Count(p => p.Text.Length > 0);
            }
        });

        chunks.ShouldBe(1);
        error.ShouldBeAssignableTo<OperationCanceledException>();
        error.Message.ShouldContain("NetworkTimeout");
        (await fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_client_cancelling_mid_stream_is_counted_as_aborted()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.ChunkDelay = TimeSpan.FromSeconds(30); // the fake is mid-stream, waiting, when the client cancels
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");
        using var cancel = new CancellationTokenSource();

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in chat.CompleteChatStreamingAsync(Prompt, cancellationToken: cancel.Token))
            {
                if (update.ContentUpdate.Any(p => p.Text.Length > 0))
                {
                    await cancel.CancelAsync();
                }
            }
        });

        error.ShouldBeAssignableTo<OperationCanceledException>();
        (await fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1)).ShouldBeTrue();
        fake.Received.StreamsStarted.ShouldBe(1);
        fake.Received.StreamsCompleted.ShouldBe(0);
    }

    [Fact]
    public async Task A_dropped_stream_surfaces_as_an_IO_error_after_the_first_chunks()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.DropMidStream(afterChunks: 3));
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        var chunks = 0;
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in chat.CompleteChatStreamingAsync(Prompt))
            {
                chunks += update.ContentUpdate.Count(p => p.Text.Length > 0);
            }
        });

        error.ShouldBeOfType<HttpIOException>().HttpRequestError.ShouldBe(HttpRequestError.ResponseEnded);
        chunks.ShouldBe(3);
        fake.Received.StreamsDroppedByServer.ShouldBe(1);
        fake.Received.StreamsCompleted.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_model_fails_with_404_model_not_found()
    {
        await using var fake = await FakeAiServer.StartAsync(new FakeAiOptions { UnknownModels = new HashSet<string> { "gpt-9" } });

        var error = await Should.ThrowAsync<ClientResultException>(() => Sdk.OpenAI(fake).GetChatClient("gpt-9").CompleteChatAsync(Prompt));

        error.Status.ShouldBe(404);
        error.Message.ShouldContain("The model `gpt-9` does not exist or you do not have access to it.");
        (await Sdk.OpenAI(fake).GetChatClient("gpt-4o-mini").CompleteChatAsync(Prompt)).Value.FinishReason.ShouldBe(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task The_models_list_tests_the_connection_and_needs_the_key()
    {
        await using var fake = await FakeAiServer.StartAsync(new FakeAiOptions { UnknownModels = new HashSet<string> { "o4-mini" } });

        var models = (await Sdk.OpenAI(fake).GetOpenAIModelClient().GetModelsAsync()).Value;

        models.Select(m => m.Id).ShouldBe(["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"]);
        models.ShouldAllBe(m => m.OwnedBy == "openai");
        var error = await Should.ThrowAsync<ClientResultException>(() => Sdk.OpenAI(fake, key: "sk-nope").GetOpenAIModelClient().GetModelsAsync());
        error.Status.ShouldBe(401);
    }

    [Fact]
    public async Task As_an_OpenAI_compatible_local_server_any_key_is_accepted()
    {
        await using var fake = await FakeAiServer.StartAsync(new FakeAiOptions { RequireOpenAIKey = false });

        ChatCompletion completion = await Sdk.OpenAI(fake, key: "ollama").GetChatClient("llama3.1:8b").CompleteChatAsync(Prompt);
        var (status, _) = await RawHttp.GetAsync(fake.OpenAIEndpoint + "/models");

        completion.Model.ShouldBe("llama3.1:8b");
        status.ShouldBe(System.Net.HttpStatusCode.OK);
        fake.Received.Select(r => r.ApiKey).ShouldBe(["ollama", null]);
    }

    [Fact]
    public async Task Usage_can_be_scripted_and_left_out_of_streams()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Usage = _ => new FakeUsage(1200, 345);
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        ChatCompletion completion = await chat.CompleteChatAsync(Prompt);
        completion.Usage.InputTokenCount.ShouldBe(1200);
        completion.Usage.OutputTokenCount.ShouldBe(345);
        completion.Usage.TotalTokenCount.ShouldBe(1545);

        fake.Script.UsageInStream = false;
        var sawUsage = false;
        await foreach (var update in chat.CompleteChatStreamingAsync(Prompt))
        {
            sawUsage |= update.Usage is not null;
        }

        sawUsage.ShouldBeFalse();
    }
}
