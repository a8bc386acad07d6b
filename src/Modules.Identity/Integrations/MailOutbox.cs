using System.Threading.Channels;
using Contracts.Identity;
using Modules.Identity.Data;
using Quartz;
using Shared.Security;

namespace Modules.Identity.Integrations;

/// <summary>Settings under <c>Email:Outbox</c>.</summary>
internal sealed class MailOutboxOptions
{
    public const string Section = "Email:Outbox";

    /// <summary>Sends a message gets before it is given up (and logged).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry waits this long, each next one twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message still unsent after this long is dropped: its link would be stale by then.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>
/// The mail outbox (<see cref="QueuedMail"/>): a request queues its message and returns at once; this instance's
/// sender picks it up right away, and <see cref="SendQueuedMailJob"/> sweeps what failed or was left by a crash.
/// Each send first claims the row with a conditional update, so two senders (or two instances) never both send it;
/// the row is deleted only after the server accepted the message, so a crash resends rather than loses it.
/// </summary>
internal sealed class MailOutbox(
    IDbContextFactory<AppDbContext> contexts, ISecretProtector secrets, IServiceScopeFactory scopes, IOptions<MailOutboxOptions> options,
    TimeProvider time, ILogger<MailOutbox> log)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private readonly Channel<Guid> _queued = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Messages queued on this instance, in order, for <see cref="MailOutboxSender"/>.</summary>
    public ChannelReader<Guid> Queued => _queued.Reader;

    /// <summary>Queues a plain-text message; it is sent in the background (and retried) after this returns.</summary>
    public async Task QueueAsync(Guid? userId, string kind, string to, string subject, string textBody, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.MailOutbox().Add(new QueuedMail
            {
                Id = id, UserId = userId, Kind = kind, Subject = subject, CreatedAt = now, NextAttemptAt = now,
                RecipientCipher = secrets.Protect(to, QueuedMail.Purpose(id, "to")),
                BodyCipher = secrets.Protect(textBody, QueuedMail.Purpose(id, "body")),
            });
            await db.SaveChangesAsync(ct);
        }
        _queued.Writer.TryWrite(id);
    }

    /// <summary>Sends every due message (the sweep); returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow();
            due = await db.MailOutbox().AsNoTracking().Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(100).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
            if (await TrySendAsync(id, ct)) sent++;
        return sent;
    }

    /// <summary>Claims and sends one message; false when another sender has it, it is not due, or sending failed.</summary>
    public async Task<bool> TrySendAsync(Guid id, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claimed = await db.MailOutbox()
            .Where(m => m.Id == id && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + ClaimFor), ct);
        if (claimed == 0) return false;
        var mail = await db.MailOutbox().FirstAsync(m => m.Id == id, ct);
        if (now - mail.CreatedAt > o.MaxAge)
        {
            log.LogWarning("Mail {Id} ({Kind}) was not sent within {MaxAge} and is dropped; last error: {Error}", id, mail.Kind, o.MaxAge, mail.LastError);
            db.MailOutbox().Remove(mail);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
        try
        {
            var to = secrets.Unprotect(mail.RecipientCipher, QueuedMail.Purpose(id, "to"));
            var body = secrets.Unprotect(mail.BodyCipher, QueuedMail.Purpose(id, "body"));
            await using var scope = scopes.CreateAsyncScope();
            var smtp = scope.ServiceProvider.GetRequiredService<SmtpEmailSender>();
            // Without a mail server nothing can ever be sent: the sender has said so in the log, and the row goes.
            await smtp.SendAsync(to, mail.Subject, body, ct);
            db.MailOutbox().Remove(mail);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            mail.Attempts++;
            mail.LastError = e.Message.Length > 400 ? e.Message[..400] : e.Message;
            mail.ClaimedUntil = null;
            if (mail.Attempts >= o.MaxAttempts)
            {
                log.LogWarning("Mail {Id} ({Kind}) failed {Attempts} times and is given up: {Error}", id, mail.Kind, mail.Attempts, mail.LastError);
                db.MailOutbox().Remove(mail);
            }
            else
            {
                mail.NextAttemptAt = time.GetUtcNow() + o.RetryBaseDelay * Math.Pow(2, mail.Attempts - 1);
                log.LogWarning("Mail {Id} ({Kind}) failed (attempt {Attempts}); retrying at {Next}: {Error}", id, mail.Kind, mail.Attempts, mail.NextAttemptAt, mail.LastError);
            }
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }
}

/// <summary>
/// Sends what this instance queued, one message at a time in the order queued, and on start what an earlier run left.
/// Runs whether or not scheduled jobs are enabled: a reset link should not wait for the sweep.
/// </summary>
internal sealed class MailOutboxSender(MailOutbox outbox, ILogger<MailOutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await outbox.SendDueAsync(stoppingToken);
            await foreach (var id in outbox.Queued.ReadAllAsync(stoppingToken))
            {
                try { await outbox.TrySendAsync(id, stoppingToken); }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested) { log.LogError(e, "Mail {Id} could not be processed; the sweep retries it", id); }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e) { log.LogError(e, "The mail sender stopped; queued mail is sent by the sweep"); }
    }
}

/// <summary>The outbox sweep: retries failed mail when due and sends what a crashed instance left (every 30 seconds).</summary>
[DisallowConcurrentExecution]
internal sealed class SendQueuedMailJob(MailOutbox outbox) : IJob
{
    public static readonly JobKey Key = new("identity.send-queued-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await outbox.SendDueAsync(ct);
}
