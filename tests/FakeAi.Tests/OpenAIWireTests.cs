using System.Net;
using System.Text.Json.Nodes;
using FakeAi;

namespace FakeAi.Tests;

/// <summary>OpenAI's wire format byte for byte: error bodies, headers and SSE framing.</summary>
public sealed class OpenAIWireTests
{
    private const string Chat = """{"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Hi"}]}]}""";

    private static string Url(FakeAiServer fake) => fake.OpenAIEndpoint + "/chat/completions";

    [Fact]
    public async Task A_whole_answer_has_the_documented_shape()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "It's done.";

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-test-openai"));

        status.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.GetValues("x-request-id").Single().ShouldStartWith("req_");
        body.ShouldMatch("""
            ^\{"id":"chatcmpl-[A-Za-z0-9]{29}","object":"chat.completion","created":\d{10},"model":"gpt-4o","choices":\[\{"index":0,"message":\{"role":"assistant","content":"It's done.","refusal":null\},"logprobs":null,"finish_reason":"stop"\}\],"usage":\{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6\},"system_fingerprint":"fp_fake"\}$
            """);
    }

    [Fact]
    public async Task A_stream_opens_with_the_role_sends_content_then_finish_reason_usage_and_DONE()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "one two three four five six seven";
        fake.Script.ChunkSize = 2;

        var withUsage = Chat.Replace("\"model\"", "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"model\"");
        var (status, body, response) = await RawHttp.PostAsync(Url(fake), withUsage, RawHttp.OpenAIHeaders("sk-test-openai"));

        status.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = RawHttp.Events(body);
        events.ShouldAllBe(e => e.Event == null);
        events[^1].Data.ShouldBe("[DONE]");
        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e.Data)!.AsObject()).ToList();
        chunks.Select(c => c["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
        chunks.ShouldAllBe(c => c["object"]!.GetValue<string>() == "chat.completion.chunk" && c["model"]!.GetValue<string>() == "gpt-4o");
        chunks.ShouldAllBe(c => c.ContainsKey("usage"));
        Delta(chunks[0]).ShouldBe("""{"role":"assistant","content":""}""");
        chunks.Skip(1).Take(4).Select(Delta).ShouldBe(
            ["""{"content":"one two"}""", """{"content":" three four"}""", """{"content":" five six"}""", """{"content":" seven"}"""]);
        chunks.Take(5).ShouldAllBe(c => c["choices"]![0]!["finish_reason"] == null);
        Delta(chunks[5]).ShouldBe("{}");
        chunks[5]["choices"]![0]!["finish_reason"]!.GetValue<string>().ShouldBe("stop");
        chunks[6]["choices"]!.AsArray().Count.ShouldBe(0);
        chunks[6]["usage"]!.ToJsonString().ShouldBe("""{"prompt_tokens":3,"completion_tokens":9,"total_tokens":12}""");
        chunks.Count.ShouldBe(7);
    }

    [Fact]
    public async Task A_stream_without_include_usage_has_no_usage_chunk()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "one two three";

        var (_, body, _) = await RawHttp.PostAsync(Url(fake), Chat.Replace("\"model\"", "\"stream\":true,\"model\""), RawHttp.OpenAIHeaders("sk-test-openai"));

        var chunks = RawHttp.Events(body).SkipLast(1).Select(e => JsonNode.Parse(e.Data)!.AsObject()).ToList();
        chunks.Count.ShouldBe(3);
        chunks.ShouldAllBe(c => !c.ContainsKey("usage") && c["choices"]!.AsArray().Count == 1);
        chunks[2]["choices"]![0]!["finish_reason"]!.GetValue<string>().ShouldBe("stop");
    }

    [Fact]
    public async Task A_wrong_key_gets_the_exact_invalid_api_key_body()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body, _) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-wrong"));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.ShouldBe("""{"error":{"message":"Incorrect API key provided: sk-wr****. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""");
        var (missingStatus, missingBody, _) = await RawHttp.PostAsync(Url(fake), Chat);
        missingStatus.ShouldBe(HttpStatusCode.Unauthorized);
        missingBody.ShouldStartWith("""{"error":{"message":"You didn't provide an API key.""");
    }

    [Fact]
    public async Task A_rate_limit_fault_gets_retry_after_and_rate_limit_headers()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(429, TimeSpan.FromSeconds(1.2)), times: 2);

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-test-openai"));
        var (second, _, _) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-test-openai"));
        var (third, _, _) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-test-openai"));

        status.ShouldBe(HttpStatusCode.TooManyRequests);
        body.ShouldMatch("""^\{"error":\{"message":"Rate limit reached for gpt-4o [^"]*","type":"requests","param":null,"code":"rate_limit_exceeded"\}\}$""");
        response.Headers.GetValues("retry-after").Single().ShouldBe("2");
        response.Headers.GetValues("x-ratelimit-remaining-requests").Single().ShouldBe("0");
        response.Headers.GetValues("x-ratelimit-reset-requests").Single().ShouldBe("2s");
        response.Headers.Contains("x-ratelimit-limit-tokens").ShouldBeTrue();
        second.ShouldBe(HttpStatusCode.TooManyRequests);
        third.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Server_error_faults_get_the_exact_server_error_body()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(500));
        fake.Script.Enqueue(FakeAiFault.Status(503));

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-test-openai"));
        var (overloaded, overloadedBody, _) = await RawHttp.PostAsync(Url(fake), Chat, RawHttp.OpenAIHeaders("sk-test-openai"));

        status.ShouldBe(HttpStatusCode.InternalServerError);
        body.ShouldBe("""{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}""");
        response.Headers.Contains("retry-after").ShouldBeFalse();
        overloaded.ShouldBe(HttpStatusCode.ServiceUnavailable);
        overloadedBody.ShouldContain("\"type\":\"server_error\"");
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"Hi"}]}""", "model", "Missing required parameter: 'model'.")]
    [InlineData("""{"model":"gpt-4o"}""", "messages", "Missing required parameter: 'messages'.")]
    [InlineData("""{"model":"gpt-4o","messages":"Hi"}""", "messages", "Invalid type for 'messages': expected an array, but got a string instead.")]
    [InlineData("""{"model":"gpt-4o","messages":[]}""", "messages", "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.")]
    public async Task An_incomplete_request_gets_400_naming_the_parameter(string json, string param, string message)
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body, _) = await RawHttp.PostAsync(Url(fake), json, RawHttp.OpenAIHeaders("sk-test-openai"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(body)!["error"]!;
        error["type"]!.GetValue<string>().ShouldBe("invalid_request_error");
        error["param"]!.GetValue<string>().ShouldBe(param);
        error["message"]!.GetValue<string>().ShouldBe(message);
        fake.Received.Single().RawBody.ShouldBe(json);
    }

    [Fact]
    public async Task Invalid_JSON_gets_400_and_is_still_logged()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body, _) = await RawHttp.PostAsync(Url(fake), "{not json", RawHttp.OpenAIHeaders("sk-test-openai"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldStartWith("""{"error":{"message":"We could not parse the JSON body of your request.""");
        fake.Received.Single().RawBody.ShouldBe("{not json");
    }

    [Fact]
    public async Task The_older_max_tokens_parameter_is_honoured_too()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (_, body, _) = await RawHttp.PostAsync(Url(fake), Chat.Replace("\"model\"", "\"max_tokens\":5,\"temperature\":0,\"model\""), RawHttp.OpenAIHeaders("sk-test-openai"));

        var choice = JsonNode.Parse(body)!["choices"]![0]!;
        choice["finish_reason"]!.GetValue<string>().ShouldBe("length");
        choice["message"]!["content"]!.GetValue<string>().Length.ShouldBe(20);
        fake.Received.Single().MaxTokens.ShouldBe(5);
        fake.Received.Single().Temperature.ShouldBe(0);
    }

    [Fact]
    public async Task The_models_list_has_the_documented_shape()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body) = await RawHttp.GetAsync(fake.OpenAIEndpoint + "/models", RawHttp.OpenAIHeaders("sk-test-openai"));
        var (unauthorized, _) = await RawHttp.GetAsync(fake.OpenAIEndpoint + "/models", RawHttp.OpenAIHeaders("sk-bad"));

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldStartWith("""{"object":"list","data":[{"id":"gpt-4o","object":"model","created":""");
        body.ShouldContain("\"owned_by\":\"openai\"");
        unauthorized.ShouldBe(HttpStatusCode.Unauthorized);
        fake.Received.Select(r => (r.Provider, r.Method, r.Path)).ShouldBe(
            [(FakeAiProviders.OpenAI, "GET", "/v1/models"), (FakeAiProviders.OpenAI, "GET", "/v1/models")]);
    }

    private static string Delta(JsonObject chunk) => chunk["choices"]![0]!["delta"]!.ToJsonString();
}
