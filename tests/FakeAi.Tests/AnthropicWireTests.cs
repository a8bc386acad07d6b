using System.Net;
using System.Text.Json.Nodes;
using FakeAi;

namespace FakeAi.Tests;

/// <summary>Anthropic's wire format byte for byte: error bodies, headers and named SSE events.</summary>
public sealed class AnthropicWireTests
{
    private const string Message = """{"model":"claude-sonnet-4-5","max_tokens":256,"system":"Be brief.","messages":[{"role":"user","content":"Hi"}]}""";

    private static string Url(FakeAiServer fake) => fake.AnthropicBaseUrl + "/v1/messages";

    [Fact]
    public async Task A_whole_message_has_the_documented_shape()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "It's done.";

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Message, RawHttp.AnthropicHeaders("sk-ant-test"));

        status.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("request-id").Single().ShouldStartWith("req_");
        body.ShouldMatch("""
            ^\{"id":"msg_01[A-Za-z0-9]{22}","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":\[\{"type":"text","text":"It's done."\}\],"stop_reason":"end_turn","stop_sequence":null,"usage":\{"input_tokens":3,"output_tokens":3\}\}$
            """);
        fake.Received.Single().ApiKey.ShouldBe("sk-ant-test"); // from x-api-key
    }

    [Fact]
    public async Task A_stream_sends_named_events_in_the_documented_order()
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Reply = _ => "one two three four";
        fake.Script.ChunkSize = 2;

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Message.Replace("\"model\"", "\"stream\":true,\"model\""), RawHttp.AnthropicHeaders("sk-ant-test"));

        status.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = RawHttp.Events(body);
        events.Select(e => e.Event).ShouldBe(
            ["message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
        events.ShouldAllBe(e => JsonNode.Parse(e.Data)!["type"]!.GetValue<string>() == e.Event);
        var start = JsonNode.Parse(events[0].Data)!["message"]!;
        start["id"]!.GetValue<string>().ShouldStartWith("msg_01");
        start["content"]!.AsArray().Count.ShouldBe(0);
        start["stop_reason"].ShouldBeNull();
        start["usage"]!.ToJsonString().ShouldBe("""{"input_tokens":3,"output_tokens":1}""");
        events[1].Data.ShouldBe("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        events[3].Data.ShouldBe("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"one two"}}""");
        events[4].Data.ShouldBe("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" three four"}}""");
        events[5].Data.ShouldBe("""{"type":"content_block_stop","index":0}""");
        events[6].Data.ShouldBe("""{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":5}}""");
        events[7].Data.ShouldBe("""{"type":"message_stop"}""");
    }

    [Fact]
    public async Task A_wrong_or_missing_key_gets_an_authentication_error()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Message, RawHttp.AnthropicHeaders("sk-ant-wrong"));
        var (missing, missingBody, _) = await RawHttp.PostAsync(Url(fake), Message, new Dictionary<string, string> { ["anthropic-version"] = "2023-06-01" });

        status.ShouldBe(HttpStatusCode.Unauthorized);
        var requestId = response.Headers.GetValues("request-id").Single();
        body.ShouldBe($$"""{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"{{requestId}}"}""");
        missing.ShouldBe(HttpStatusCode.Unauthorized);
        missingBody.ShouldContain("\"message\":\"x-api-key header is required\"");
    }

    [Fact]
    public async Task Bearer_auth_is_accepted_like_x_api_key()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, _, _) = await RawHttp.PostAsync(Url(fake), Message, new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer sk-ant-test", ["anthropic-version"] = "2023-06-01",
        });

        status.ShouldBe(HttpStatusCode.OK);
        fake.Received.Single().ApiKey.ShouldBe("sk-ant-test");
    }

    [Theory]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "api_error")]
    [InlineData(529, "overloaded_error")]
    public async Task Status_faults_get_the_providers_error_type(int code, string type)
    {
        await using var fake = await FakeAiServer.StartAsync();
        fake.Script.Enqueue(FakeAiFault.Status(code, TimeSpan.FromSeconds(3)), provider: FakeAiProviders.Anthropic);

        var (status, body, response) = await RawHttp.PostAsync(Url(fake), Message, RawHttp.AnthropicHeaders("sk-ant-test"));

        ((int)status).ShouldBe(code);
        var json = JsonNode.Parse(body)!;
        json["type"]!.GetValue<string>().ShouldBe("error");
        json["error"]!["type"]!.GetValue<string>().ShouldBe(type);
        json["request_id"]!.GetValue<string>().ShouldStartWith("req_");
        response.Headers.GetValues("retry-after").Single().ShouldBe("3");
        if (code == 429)
        {
            response.Headers.GetValues("anthropic-ratelimit-requests-remaining").Single().ShouldBe("0");
        }
    }

    [Theory]
    [InlineData("""{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hi"}]}""", "max_tokens: Field required")]
    [InlineData("""{"model":"claude-sonnet-4-5","max_tokens":10}""", "messages: Field required")]
    [InlineData("""{"max_tokens":10,"messages":[{"role":"user","content":"Hi"}]}""", "model: Field required")]
    [InlineData("""{"model":"claude-sonnet-4-5","max_tokens":0,"messages":[{"role":"user","content":"Hi"}]}""", "max_tokens: Input should be greater than or equal to 1")]
    public async Task An_incomplete_request_gets_400_naming_the_field(string json, string message)
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body, _) = await RawHttp.PostAsync(Url(fake), json, RawHttp.AnthropicHeaders("sk-ant-test"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldStartWith($$"""{"type":"error","error":{"type":"invalid_request_error","message":"{{message}}"},"request_id":"req_""");
    }

    [Fact]
    public async Task A_missing_anthropic_version_header_gets_400()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body, _) = await RawHttp.PostAsync(Url(fake), Message, new Dictionary<string, string> { ["x-api-key"] = "sk-ant-test" });

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("\"message\":\"anthropic-version: header is required\"");
    }

    [Fact]
    public async Task The_models_list_answers_Anthropic_clients_in_Anthropic_shape()
    {
        await using var fake = await FakeAiServer.StartAsync();

        var (status, body) = await RawHttp.GetAsync(fake.AnthropicBaseUrl + "/v1/models", RawHttp.AnthropicHeaders("sk-ant-test"));
        var (unauthorized, _) = await RawHttp.GetAsync(fake.AnthropicBaseUrl + "/v1/models", RawHttp.AnthropicHeaders("nope"));

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldStartWith("""{"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5","created_at":""");
        body.ShouldEndWith("""],"has_more":false,"first_id":"claude-sonnet-4-5","last_id":"claude-opus-4-1"}""");
        unauthorized.ShouldBe(HttpStatusCode.Unauthorized);
        fake.Received.Count(FakeAiProviders.Anthropic).ShouldBe(2);
    }
}
