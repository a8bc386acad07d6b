using Microsoft.Extensions.DependencyInjection;
using Modules.Ai.Integrations.Providers;
using Modules.Upwork.Features.ManageAlertChannels;

namespace IntegrationTests.Host;

/// <summary>
/// Issue 17 (low): the clients that call URLs a user typed (AI base URLs, alert webhooks) refuse every address that
/// is not global unicast when connecting — benchmarking, reserved, NAT64 to loopback — and never go through a system
/// proxy, which would make the connection on their behalf to wherever it is told.
/// </summary>
public sealed class OutboundGuardTests(OutboundGuardTests.Fixture fixture) : IClassFixture<OutboundGuardTests.Fixture>
{
    public sealed class Fixture() : AppFixture(DatabaseKind.Sqlite);

    public static TheoryData<string, string> Targets => new()
    {
        { AiHttpClients.Guarded, "http://198.18.0.1/v1/chat/completions" },
        { AiHttpClients.Guarded, "http://240.0.0.1/v1/chat/completions" },
        { AiHttpClients.Guarded, "http://[64:ff9b::7f00:1]/v1/chat/completions" },
        { DeliverAlerts.HttpClientName, "https://198.18.0.1/hook" },
        { DeliverAlerts.HttpClientName, "https://240.0.0.1/hook" },
        { DeliverAlerts.HttpClientName, "https://[64:ff9b::7f00:1]/hook" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_connect_to_a_non_global_address_is_refused_before_any_packet_leaves(string client, string url)
    {
        var http = fixture.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(client);
        // Only a safety net: the old guard let these through to a real connect attempt that may never finish.
        using var failsafe = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var refused = await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(url, failsafe.Token));

        refused.Message.ShouldContain("not public");
    }

    [Theory]
    [InlineData(AiHttpClients.Guarded)]
    [InlineData(DeliverAlerts.HttpClientName)]
    public void The_clients_for_user_entered_urls_ignore_HTTP_PROXY(string client)
    {
        HttpMessageHandler handler = fixture.App.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client);
        while (handler is DelegatingHandler outer) handler = outer.InnerHandler!;

        var primary = handler.ShouldBeOfType<SocketsHttpHandler>();
        primary.UseProxy.ShouldBeFalse("HTTP_PROXY/HTTPS_PROXY would route the request around the address check");
        primary.AllowAutoRedirect.ShouldBeFalse();
        primary.ConnectCallback.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("https://198.18.0.1/hook")]
    [InlineData("https://240.0.0.1/hook")]
    [InlineData("https://[64:ff9b::7f00:1]/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/latest/meta-data")]
    public async Task An_alert_webhook_on_a_non_global_address_cannot_be_saved(string target)
    {
        var user = await fixture.App.CreateSignedInClientAsync();

        var saved = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "slack", name = "S", target }));

        saved.Status.ShouldBe(HttpStatusCode.BadRequest);
        saved.Errors.Select(e => e.Field).ShouldContain("target");
    }
}
