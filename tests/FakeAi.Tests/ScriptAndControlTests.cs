using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeAi;
using OpenAI.Chat;

namespace FakeAi.Tests;

/// <summary>The script (default reply, faults, reset), the log and the /__fake control endpoints.</summary>
public sealed class ScriptAndControlTests
{
    private static FakeAiRequest Request(string userMessage) => new()
    {
        Provider = FakeAiProviders.OpenAI,
        Path = "/v1/chat/completions",
        Messages = [new FakeAiMessage("system", "Write a cover letter."), new FakeAiMessage("user", userMessage)],
    };

    [Fact]
    public void The_default_reply_is_a_plain_deterministic_cover_letter_of_about_330_words()
    {
        var text = FakeAiScript.DefaultReply(Request("Title: Blazor dashboard for a clinic\nBudget: $2,000"));

        var words = Regex.Matches(text, @"\S+").Count;
        words.ShouldBeInRange(300, 360);
        text.ShouldContain("your project, \"Blazor dashboard for a clinic\"");
        text.ShouldEndWith("Could we schedule a short call this week to discuss your requirements and the next steps?");
        text.Split("\n\n").Length.ShouldBeGreaterThanOrEqualTo(6);
        text.ShouldNotContain("#");
        text.ShouldNotContain("**");
        text.ShouldNotContain("Write a cover letter");
        FakeAiScript.DefaultReply(Request("Title: Blazor dashboard for a clinic\nBudget: $2,000")).ShouldBe(text);
    }

    [Theory]
    [InlineData("Senior .NET developer for a SaaS billing API\n\nWe need...", "Senior .NET developer for a SaaS billing API")]
    [InlineData("# Scrape product prices daily\nDetails", "Scrape product prices daily")]
    [InlineData("Write a proposal for this job:\nTitle: Fix our CI", "Fix our CI")]
    [InlineData("Write a proposal for the job below.\nWe need a CI fix", null)]
    [InlineData("Job description follows:\nWe need a CI fix", null)]
    public void The_default_reply_quotes_a_title_but_never_an_instruction(string userMessage, string? quoted)
    {
        var text = FakeAiScript.DefaultReply(Request(userMessage));

        if (quoted is null)
        {
            text.ShouldContain("the details of your project. ");
        }
        else
        {
            text.ShouldContain($"your project, \"{quoted}\".");
        }
    }

    [Fact]
    public async Task Faults_wait_for_their_provider_and_a_slow_fault_then_answers_normally()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(529), provider: FakeAiProviders.Anthropic);
        fake.Script.Enqueue(FakeAiFault.Slow(TimeSpan.FromMilliseconds(200)), provider: FakeAiProviders.OpenAI);
        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");

        (await chat.CompleteChatAsync(new UserChatMessage("Hi"))).Value.FinishReason.ShouldBe(ChatFinishReason.Stop);

        fake.Script.PendingFaults.ShouldBe(1); // the Anthropic one
        fake.Script.Clear();
        fake.Script.PendingFaults.ShouldBe(0);
    }

    [Fact]
    public async Task A_drop_on_a_whole_body_request_closes_the_connection_without_an_answer()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.DropMidStream(0));

        var error = await Should.ThrowAsync<ClientResultException>(() => Sdk.OpenAI(fake).GetChatClient("gpt-4o").CompleteChatAsync(new UserChatMessage("Hi")));

        error.Status.ShouldBe(0);
        error.InnerException.ShouldBeAssignableTo<HttpRequestException>();
    }

    [Fact]
    public async Task Reset_restores_the_defaults_and_the_log_forgets()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "x";
        fake.Script.ChunkSize = 9;
        fake.Script.ChunkDelay = fake.Script.FirstByteDelay = TimeSpan.FromSeconds(1);
        fake.Script.UsageInStream = false;
        fake.Script.Usage = _ => new FakeUsage(1, 1);
        fake.Script.Enqueue(FakeAiFault.Status(500));
        await Sdk.OpenAI(fake).GetOpenAIModelClient().GetModelsAsync();

        fake.Script.Reset();
        fake.Received.Reset();

        fake.Script.Reply(Request("Hi")).ShouldBe(FakeAiScript.DefaultReply(Request("Hi")));
        fake.Script.ChunkSize.ShouldBe(3);
        fake.Script.ChunkDelay.ShouldBe(TimeSpan.Zero);
        fake.Script.FirstByteDelay.ShouldBe(TimeSpan.Zero);
        fake.Script.UsageInStream.ShouldBeTrue();
        fake.Script.Usage.ShouldBeNull();
        fake.Script.PendingFaults.ShouldBe(0);
        fake.Received.Count().ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => fake.Script.ChunkSize = 0);
        Should.Throw<ArgumentException>(() => fake.Script.Enqueue(FakeAiFault.Status(500), provider: "gemini"));
    }

    [Fact]
    public async Task A_fixed_port_is_honoured()
    {
        await using var probe = await FakeAiServer.StartAsync();
        var port = new Uri(probe.BaseUrl).Port;
        await probe.DisposeAsync();

        await using var fake = await FakeAiServer.StartAsync(new FakeAiOptions { Port = port });

        fake.BaseUrl.ShouldBe($"http://127.0.0.1:{port}");
        fake.OpenAIEndpoint.ShouldBe($"http://127.0.0.1:{port}/v1");
        fake.AnthropicBaseUrl.ShouldBe(fake.BaseUrl);
    }

    [Fact]
    public async Task Control_endpoints_script_the_reply_queue_faults_and_show_the_log()
    {
        await using var fake = await FakeAiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };

        (await http.PostAsJsonAsync("/__fake/script", new { reply = "Fixed answer.", chunkSize = 1, chunkDelayMs = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsJsonAsync("/__fake/faults", new { status = 429, retryAfterSeconds = 1, provider = "openai" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsJsonAsync("/__fake/faults", new { kind = "nonsense" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        fake.Script.ChunkSize.ShouldBe(1);
        fake.Script.ChunkDelay.ShouldBe(TimeSpan.FromMilliseconds(5));
        fake.Script.PendingFaults.ShouldBe(1);

        var chat = Sdk.OpenAI(fake).GetChatClient("gpt-4o");
        (await Should.ThrowAsync<ClientResultException>(() => chat.CompleteChatAsync(new UserChatMessage("Hi")))).Status.ShouldBe(429);
        (await chat.CompleteChatAsync(new UserChatMessage("Hi"))).Value.Content.Single().Text.ShouldBe("Fixed answer.");

        var log = JsonNode.Parse(await http.GetStringAsync("/__fake/log"))!;
        log["requests"]!.AsArray().Count.ShouldBe(2);
        log["requests"]![1]!["messages"]![0]!["text"]!.GetValue<string>().ShouldBe("Hi");
        log["requests"]![1]!["apiKey"]!.GetValue<string>().ShouldBe("sk-test-openai");

        (await http.PostAsJsonAsync("/__fake/script", new { reset = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsync("/__fake/log/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await http.DeleteAsync("/__fake/faults")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        fake.Script.ChunkSize.ShouldBe(3);
        fake.Received.Count().ShouldBe(0);
    }
}
