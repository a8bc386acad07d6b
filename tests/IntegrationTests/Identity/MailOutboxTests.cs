using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Identity.Data;
using Modules.Identity.Integrations;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 item 5: mail is queued in the outbox and sent in the background, never inside the request. A refused
/// message is kept (sealed) and retried until the server takes it; racing senders send it once. On PostgreSQL, where
/// several instances share one outbox.
/// </summary>
public sealed class MailOutboxTests : IAsyncLifetime
{
    private readonly FakeSmtpServer _smtp = new();
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new AppFactory(DatabaseKind.Postgres, new Dictionary<string, string?>(_smtp.Settings)
        {
            ["App:PublicUrl"] = "https://assistant.example.com",
            ["Email:Outbox:RetryBaseDelay"] = "00:00:00",   // a failed mail is due again at once; the test runs the sweep itself
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_reset_mail_the_server_refuses_waits_sealed_in_the_outbox_and_arrives_on_retry()
    {
        var user = await _app.CreateSignedInClientAsync();
        _smtp.RefuseNext = 1;

        var answer = await Envelope.ReadAsync(await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email }));
        var waiting = await WaitForOutboxAsync(user.UserId, m => m.Attempts == 1);

        answer.Status.ShouldBe(HttpStatusCode.OK);                      // the refusal never reached the request
        waiting.LastError.ShouldNotBeNull();
        waiting.Kind.ShouldBe("password_reset");
        waiting.RecipientCipher.ShouldNotContain(user.Email, Case.Insensitive);
        waiting.BodyCipher.ShouldNotContain("reset-password");
        _smtp.Messages.ShouldBeEmpty();

        await _app.Services.GetRequiredService<MailOutbox>().SendDueAsync(default);   // the sweep's run
        var mail = await _smtp.WaitForMessageAsync(user.Email, TimeSpan.FromSeconds(20));

        (mail.TextBody ?? "").ShouldContain("https://assistant.example.com/account/reset-password?userId=");
        await using var db = await _app.CreateDbContextAsync();
        (await db.Set<QueuedMail>().CountAsync(m => m.UserId == user.UserId)).ShouldBe(0, "a sent mail leaves the outbox");
    }

    [Fact]
    public async Task Senders_racing_for_one_queued_mail_send_it_once()
    {
        var outbox = _app.Services.GetRequiredService<MailOutbox>();
        var to = $"race-{Guid.NewGuid():N}@example.com";

        await outbox.QueueAsync(null, "test", to, "Race", "One message, many senders.", default);
        // This instance's own sender has it already; eight sweeps (as from eight instances) race it.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => outbox.SendDueAsync(default))));
        await _smtp.WaitForMessageAsync(to, TimeSpan.FromSeconds(20));
        // A later message through the same sender proves every racer had its chance.
        var later = $"later-{Guid.NewGuid():N}@example.com";
        await outbox.QueueAsync(null, "test", later, "Later", "After the race.", default);
        await _smtp.WaitForMessageAsync(later, TimeSpan.FromSeconds(20));

        _smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == to)).ShouldBe(1);
    }

    private Task<QueuedMail> WaitForOutboxAsync(Guid userId, Func<QueuedMail, bool> state) =>
        Eventually.GetAsync(async () =>
        {
            await using var db = await _app.CreateDbContextAsync();
            var rows = await db.Set<QueuedMail>().AsNoTracking().Where(m => m.UserId == userId).ToListAsync();
            return rows.FirstOrDefault(state);
        }, "the outbox to reach the expected state");
}
