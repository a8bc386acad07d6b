using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.AlertChannels;

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
        var job = _harness.Inject(keyword, j =>
        {
            j.Description = "<script>alert(1)</script> Secret client text that must stay out of the mail.";
        });
        await _harness.SyncAsync(user.UserId);
        var deliver = _harness.App.Services.GetRequiredService<DeliverAlerts>();

        _smtp.RefuseNext = 1;
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(0);
        _smtp.Refused.ShouldBe(1);
        _smtp.Messages.ShouldBeEmpty();
        var failed = (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.EnumerateArray().Single();
        failed.GetProperty("lastError").GetString()!.ShouldContain("retry 1");

        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(1);   // the retry
        (await deliver.RunAsync(CancellationToken.None)).ShouldBe(0);   // never twice
        var mail = await _smtp.WaitForMessageAsync(address, TimeSpan.FromSeconds(20));
        _smtp.Messages.Count.ShouldBe(1);
        mail.HtmlBody.ShouldBeNull();
        mail.Subject.ShouldBe($"New job: {job.Title}");
        var text = mail.TextBody!;
        text.ShouldContain(job.Title);
        text.ShouldContain("Budget: ");
        text.ShouldContain($"Why: Matches Watch {keyword}");
        text.ShouldContain("https://assistant.example.com/upwork/jobs");
        text.ShouldNotContain("<script>");
        text.ShouldNotContain("Secret client text");
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/alert-channels")).Data.EnumerateArray().Single()
            .GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);
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
