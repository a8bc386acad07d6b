using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.ManageAlertChannels;

namespace IntegrationTests.Upwork;

/// <summary>
/// E-mail as an alert channel: the outbox sends a plain-text mail through the workspace's SMTP server (a real SMTP
/// conversation with a local fake), keeps a refusal on the channel, and sends it on the next run.
/// </summary>
public abstract class EmailAlertTests(DatabaseKind database) : IAsyncLifetime
{
    private readonly FakeSmtpServer _smtp = new();
    private readonly MailHarness _harness = new(database);

    private sealed class MailHarness(DatabaseKind database) : UpworkHarness
    {
        public IDictionary<string, string?> Smtp { get; set; } = new Dictionary<string, string?>();

        public ShiftedClock Clock { get; } = new();

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

        protected override DatabaseKind Database => database;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(Smtp)
        {
            ["Upwork:Channels:RetryBaseDelay"] = "00:00:00",
            ["App:PublicUrl"] = "https://assistant.example.com",
        };
    }

    public async Task InitializeAsync()
    {
        _harness.Smtp = _smtp.Settings;
        await ((IAsyncLifetime)_harness).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_harness).DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_matching_job_is_mailed_as_plain_text_and_a_refused_mail_is_retried_and_reported()
    {
        var keyword = "mail" + Guid.NewGuid().ToString("N")[..8];
        var user = await _harness.ConnectedUserWithSearchAsync(keyword);
        var address = $"alerts-{Guid.NewGuid():N}@example.com";
        (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = "Inbox", target = address }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FollowLinkAsync(await ConfirmationPathAsync(address))).StatusCode.ShouldBe(HttpStatusCode.OK);   // issue 17: the address confirms first
        var job = _harness.Inject(keyword, j =>
        {
            j.Description = "<script>alert(1)</script> Secret client text that must stay out of the mail.";
        });
        await _harness.SyncAsync(user.UserId);
        var deliver = _harness.App.Services.GetRequiredService<DeliverAlerts>();

        _smtp.RefuseNext = 1;
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(0);
        _smtp.Refused.ShouldBe(1);
        AlertMails().ShouldBeEmpty();
        var failed = (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.As<IReadOnlyList<ChannelView>>().Single();
        failed.LastError!.ShouldContain("retry 1");

        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(1);   // the retry
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(0);   // never twice
        var mail = AlertMails().Single();
        mail.HtmlBody.ShouldBeNull();
        mail.Subject.ShouldBe($"New job: {job.Title}");
        var text = mail.TextBody!;
        text.ShouldContain(job.Title);
        text.ShouldContain("Budget: ");
        text.ShouldContain($"Why: Matches Watch {keyword}");
        text.ShouldContain("https://assistant.example.com/upwork/jobs");
        text.ShouldNotContain("<script>");
        text.ShouldNotContain("Secret client text");
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.As<IReadOnlyList<ChannelView>>().Single()
            .LastError.ShouldBeNull();
    }

    private List<MimeKit.MimeMessage> AlertMails() => _smtp.Messages.Where(m => m.Subject?.StartsWith("New job", StringComparison.Ordinal) == true).ToList();

    /// <summary>The path of the confirmation link mailed to <paramref name="address"/> (built from App:PublicUrl).</summary>
    private async Task<string> ConfirmationPathAsync(string address)
    {
        var mail = await _smtp.WaitForMessageAsync(address, TimeSpan.FromSeconds(20));
        mail.Subject.ShouldBe("Confirm this address for job alerts");
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"https://assistant\.example\.com(/upwork/alert-channels/confirm\?token=[A-Za-z0-9_-]+)");
        link.Success.ShouldBeTrue(mail.TextBody);
        return link.Groups[1].Value;
    }

    /// <summary>Follows a link as the mail's reader would: not signed in.</summary>
    private async Task<HttpResponseMessage> FollowLinkAsync(string path) => await _harness.App.CreateClient().GetAsync(path);

    [Fact]
    public async Task A_new_address_gets_no_alert_until_it_follows_the_link_mailed_to_it_and_the_link_works_once()
    {
        var keyword = "relay" + Guid.NewGuid().ToString("N")[..8];
        var user = await _harness.ConnectedUserWithSearchAsync(keyword);
        var victim = $"victim-{Guid.NewGuid():N}@example.com";
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = "Someone else", target = victim }));
        created.Status.ShouldBe(HttpStatusCode.Created);
        created.Data.As<ChannelView>().AwaitingConfirmation.ShouldBeTrue();
        var path = await ConfirmationPathAsync(victim);

        // A matching job while unconfirmed: the bell has it, the address gets nothing (the confirmation mail only).
        _harness.Inject(keyword);
        await _harness.SyncAsync(user.UserId);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(1);
        (await _harness.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(0);
        AlertMails().ShouldBeEmpty();
        _smtp.Messages.Count.ShouldBe(1);

        (await FollowLinkAsync(path + "x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);   // a guessed token
        (await FollowLinkAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FollowLinkAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);        // single use
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.As<IReadOnlyList<ChannelView>>().Single()
            .AwaitingConfirmation.ShouldBeFalse();

        // The next match is mailed.
        _harness.Inject(keyword);
        await _harness.SyncAsync(user.UserId);
        (await _harness.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(1);
        AlertMails().Single().To.Mailboxes.Single().Address.ShouldBe(victim);
    }

    [Fact]
    public async Task A_confirmation_link_followed_after_it_expired_confirms_nothing()
    {
        var user = await _harness.App.CreateSignedInClientAsync();
        var address = $"late-{Guid.NewGuid():N}@example.com";
        (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = "Late", target = address })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = await ConfirmationPathAsync(address);

        _harness.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));   // Upwork:Channels:ConfirmationLifetime's default
        (await FollowLinkAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.As<IReadOnlyList<ChannelView>>().Single()
            .AwaitingConfirmation.ShouldBeTrue();
    }

    [Fact]
    public async Task Per_user_caps_refuse_the_next_channel_webhook_source_and_template_with_a_clear_message()
    {
        var user = await _harness.App.CreateSignedInClientAsync();
        for (var i = 0; i < 10; i++)
            (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = $"Mail {i}", target = $"cap{i}-{Guid.NewGuid():N}@example.com" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        var channel = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = "Eleventh", target = "eleventh@example.com" }));
        channel.Status.ShouldBe(HttpStatusCode.Conflict);
        channel.Message.ShouldContain("Upwork:Limits:AlertChannelsPerUser");
        channel.Errors.Select(e => e.Field).ShouldBe(["kind"]);
        _smtp.Messages.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == "eleventh@example.com"));

        for (var i = 0; i < 5; i++)
            (await user.Http.PostAsJsonAsync("/api/v1/upwork/webhook-sources", new { name = $"feed {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var source = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/webhook-sources", new { name = "sixth" }));
        source.Status.ShouldBe(HttpStatusCode.Conflict);
        source.Message.ShouldContain("Upwork:Limits:WebhookSourcesPerUser");
        source.Errors.Select(e => e.Field).ShouldBe(["name"]);

        for (var i = 0; i < 50; i++)
            (await user.Http.PostAsJsonAsync("/api/v1/ai/templates", new { name = $"T{i}", body = "Write about {job_title}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var template = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/templates", new { name = "T50", body = "Write about {job_title}" }));
        template.Status.ShouldBe(HttpStatusCode.Conflict);
        template.Message.ShouldContain("Ai:Limits:TemplatesPerUser");
        template.Errors.Select(e => e.Field).ShouldBe(["name"]);

        // Another user is not affected by this one's count.
        var other = await _harness.App.CreateSignedInClientAsync();
        (await other.Http.PostAsJsonAsync("/api/v1/upwork/webhook-sources", new { name = "mine" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_email_channel_needs_one_plain_address()
    {
        var user = await _harness.App.CreateSignedInClientAsync();
        foreach (var target in new[] { "not-an-address", "a@b.com, c@d.com", "Eve <eve@example.com>", "x@example.com\r\nBcc: y@example.com" })
        {
            var bad = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = "Mail", target }));
            bad.Status.ShouldBe(HttpStatusCode.BadRequest, target);
            bad.Errors.Select(e => e.Field).ShouldBe(["target"], target);
        }
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "email", name = "Mail", target = "me@example.com" }));
        created.Status.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class SqliteEmailAlertTests() : EmailAlertTests(DatabaseKind.Sqlite);

public sealed class PostgresEmailAlertTests() : EmailAlertTests(DatabaseKind.Postgres);
