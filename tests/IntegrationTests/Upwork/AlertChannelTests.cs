using Shared.Security;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.ManageAlertChannels;

namespace IntegrationTests.Upwork;

/// <summary>A local stand-in for Slack, Discord, Telegram and a user's webhook: records what it receives, fails on request.</summary>
public sealed class FakeReceivers : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<(string Path, string Body, string? Signature)> Received { get; } = new();
    public int FailuresLeft;

    private FakeReceivers(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public static async Task<FakeReceivers> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receivers = new FakeReceivers(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref receivers.FailuresLeft) >= 0) return Results.StatusCode(500);
            using var reader = new StreamReader(request.Body);
            receivers.Received.Enqueue(("/" + request.RouteValues["path"], await reader.ReadToEndAsync(), request.Headers["X-Signature-256"].FirstOrDefault()));
            return Results.Ok(new { ok = true });
        });
        await app.StartAsync();
        return receivers;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Alert channels: each delivers to its (fake) receiver, a failure is retried and reported, never lost.</summary>
public sealed class AlertChannelTests : IAsyncLifetime
{
    private readonly ChannelsHarness _harness = new();
    private FakeReceivers _receivers = null!;

    private sealed class ChannelsHarness : UpworkHarness
    {
        public string TelegramUrl { get; set; } = "";

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Upwork:Channels:AllowPrivateTargets"] = "true",
            ["Upwork:Channels:TelegramApiUrl"] = TelegramUrl,
            ["Upwork:Channels:RetryBaseDelay"] = "00:00:00",
        };
    }

    public async Task InitializeAsync()
    {
        _receivers = await FakeReceivers.StartAsync();
        _harness.TelegramUrl = _receivers.BaseUrl + "/telegram";
        await ((IAsyncLifetime)_harness).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_harness).DisposeAsync();
        await _receivers.DisposeAsync();
    }

    [Fact]
    public async Task Each_channel_receives_the_alert_and_a_failed_delivery_is_retried_and_reported()
    {
        var keyword = "chan" + Guid.NewGuid().ToString("N")[..8];
        var user = await _harness.ConnectedUserWithSearchAsync(keyword);
        foreach (var channel in new object[]
                 {
                     new { kind = "slack", name = "Slack", target = _receivers.BaseUrl + "/slack" },
                     new { kind = "discord", name = "Discord", target = _receivers.BaseUrl + "/discord" },
                     new { kind = "telegram", name = "Telegram", target = "123456", secret = "bot-token-1" },
                     new { kind = "webhook", name = "n8n", target = _receivers.BaseUrl + "/hook", secret = "whsec_test" },
                 })
            (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", channel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var job = _harness.Inject(keyword);
        await _harness.SyncAsync(user.UserId);
        var deliver = _harness.App.Services.GetRequiredService<DeliverAlerts>();

        _receivers.FailuresLeft = 1;   // the first delivery attempt fails
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(3);
        var channels = await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels");
        channels.Data.As<IReadOnlyList<ChannelView>>().Count(c => c.LastError is not null).ShouldBe(1);
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(1);   // the retry
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(0);   // nothing twice

        var got = _receivers.Received.ToList();
        got.Select(r => r.Path).ShouldBe(["/slack", "/discord", "/telegram/botbot-token-1/sendMessage", "/hook"], ignoreOrder: true);
        got.ShouldAllBe(r => r.Body.Contains(job.Title));
        JsonDocument.Parse(got.Single(r => r.Path == "/telegram/botbot-token-1/sendMessage").Body).RootElement.GetProperty("chat_id").GetString().ShouldBe("123456");
        var hook = got.Single(r => r.Path == "/hook");
        hook.Signature.ShouldBe("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_test"), Encoding.UTF8.GetBytes(hook.Body))));
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.As<IReadOnlyList<ChannelView>>()
            .ShouldAllBe(c => c.LastError == null);
    }

    [Fact]
    public async Task During_quiet_hours_the_bell_gets_the_alert_but_channels_wait()
    {
        var keyword = "quiet" + Guid.NewGuid().ToString("N")[..8];
        var user = await _harness.App.CreateSignedInClientAsync();
        await _harness.ConnectAsync(user);
        var hour = DateTimeOffset.UtcNow.Hour;
        (await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches",
            new { name = "Quiet", query = keyword, quietFromHour = hour, quietToHour = (hour + 2) % 24 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "slack", name = "Slack", target = _receivers.BaseUrl + "/quiet" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        _harness.Inject(keyword);
        await _harness.SyncAsync(user.UserId);

        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(1);
        await _harness.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None);
        _receivers.Received.ShouldNotContain(r => r.Path == "/quiet");
    }

    [Fact]
    public async Task Channel_targets_are_validated_and_belong_to_their_owner()
    {
        var user = await _harness.App.CreateSignedInClientAsync();
        var other = await _harness.App.CreateSignedInClientAsync();
        var bad = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "pager", name = "", target = "ftp://x" }));
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Errors.Select(e => e.Field).ShouldContain("kind");
        bad.Errors.Select(e => e.Field).ShouldContain("name");
        var telegram = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "telegram", name = "T", target = "not-a-chat" }));
        telegram.Errors.Select(e => e.Field).ShouldBe(["target", "secret"], ignoreOrder: true);

        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "slack", name = "S", target = _receivers.BaseUrl + "/s" }));
        var id = created.Data.As<Created>().Id;
        created.Root.GetRawText().ShouldNotContain(_receivers.BaseUrl + "/s");   // a webhook URL is a credential: only a hint comes back
        (await other.Http.DeleteAsync($"/api/v1/upwork/alert-channels/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await user.Http.DeleteAsync($"/api/v1/upwork/alert-channels/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>With private targets not allowed, a delivery whose host resolves to loopback is refused when connecting (DNS rebinding).</summary>
public sealed class AlertChannelSsrfTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_channel_that_resolves_to_a_private_address_at_delivery_time_is_refused_and_reported()
    {
        await using var receivers = await FakeReceivers.StartAsync();
        var user = await fixture.App.CreateSignedInClientAsync();
        var secrets = fixture.App.Services.GetRequiredService<Shared.Security.ISecretProtector>();
        var channelId = Guid.CreateVersion7();
        var notificationId = Guid.CreateVersion7();
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            // As if the name had resolved to a public address when the channel was saved, and to loopback now.
            db.Set<Modules.Upwork.Data.AlertChannel>().Add(new Modules.Upwork.Data.AlertChannel
            {
                Id = channelId, UserId = user.UserId, Kind = "slack", Name = "Rebound", CreatedAt = DateTimeOffset.UtcNow,
                Target = secrets.Protect(receivers.BaseUrl.Replace("127.0.0.1", "localhost") + "/rebound", Modules.Upwork.Data.AlertChannel.Purpose(channelId, "target")),
            });
            db.Set<Modules.Upwork.Data.Notification>().Add(new Modules.Upwork.Data.Notification
            {
                Id = notificationId, UserId = user.UserId, Kind = "new_job", Title = "A job", CreatedAt = DateTimeOffset.UtcNow,
            });
            db.Set<Modules.Upwork.Data.AlertDelivery>().Add(new Modules.Upwork.Data.AlertDelivery
            {
                Id = Guid.CreateVersion7(), ChannelId = channelId, NotificationId = notificationId, NextAttemptAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            });
            await db.SaveChangesAsync();
        }

        (await fixture.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(0);

        receivers.Received.ShouldBeEmpty();
        var channel = (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.As<IReadOnlyList<ChannelView>>().Single();
        channel.LastError!.ShouldContain("private or loopback");
    }
}
