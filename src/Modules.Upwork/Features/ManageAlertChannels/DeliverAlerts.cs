using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Quartz;
using Shared.Mail;
using Shared.Security;

namespace Modules.Upwork.Features.ManageAlertChannels;

/// <summary>Settings under <c>Upwork:Channels</c>.</summary>
internal sealed class AlertChannelOptions
{
    public const string Section = "Upwork:Channels";

    /// <summary>Telegram's Bot API (a fake in tests).</summary>
    public string TelegramApiUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Allow webhook targets on loopback and private networks (for self-hosted n8n and for tests). Off: SSRF-safe.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long the link that confirms an e-mail channel's address works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    public int MaxAttempts { get; set; } = 8;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Drains the alert outbox: each due delivery is sent once per run; a failure is kept on the delivery and the channel
/// (visible on the Upwork page) and retried with exponential backoff until <see cref="AlertChannelOptions.MaxAttempts"/>.
/// A delivery is marked done only after the receiver accepted it, so a crash resends rather than drops; each one is
/// recorded as soon as it is answered (not once per run), so a crash repeats only the delivery in flight. Every attempt
/// carries the delivery's stable id (<c>X-Delivery-Id</c>, and <c>deliveryId</c> in a webhook's signed body) so a
/// receiver can drop a repeat (docs/features.md, alert channels).
/// </summary>
internal sealed class DeliverAlerts(
    IDbContextFactory<AppDbContext> contexts,
    ISecretProtector secrets,
    IHttpClientFactory http,
    IMailer mailer,
    Shared.Hosting.PublicOrigin publicOrigin,
    IOptions<AlertChannelOptions> options,
    TimeProvider time,
    ILogger<DeliverAlerts> log)
{
    public const string HttpClientName = "alert-channels";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.AlertDeliveries().Where(d => d.DeliveredAt == null && d.NextAttemptAt <= now && d.Attempts < o.MaxAttempts)
            .OrderBy(d => d.NextAttemptAt).Take(100).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var channelIds = due.Select(d => d.ChannelId).Distinct().ToList();
        var notificationIds = due.Select(d => d.NotificationId).Distinct().ToList();
        var channels = await db.AlertChannels().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var notifications = await db.Notifications().AsNoTracking().Where(n => notificationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        // The jobs behind the alerts: e-mail says more than a chat line (budget), and every message links an Upwork job URL.
        var jobIds = due.Where(d => channels.ContainsKey(d.ChannelId))
            .Select(d => notifications.GetValueOrDefault(d.NotificationId)?.JobPostingId).OfType<Guid>().Distinct().ToList();
        var jobs = jobIds.Count == 0 ? [] : await db.JobPostings().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var delivered = 0;
        foreach (var delivery in due)
        {
            if (ct.IsCancellationRequested) break;   // stopping: what is left stays due for the next run
            if (!channels.TryGetValue(delivery.ChannelId, out var channel) || !notifications.TryGetValue(delivery.NotificationId, out var alert))
            {
                db.AlertDeliveries().Remove(delivery);   // channel or alert deleted: nothing left to deliver
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }
            if (!channel.Enabled)
            {
                db.AlertDeliveries().Remove(delivery);   // an e-mail address not confirmed yet gets nothing (nor later, in a burst)
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }
            try
            {
                await SendAsync(delivery.Id, channel, alert, alert.JobPostingId is { } jobId ? jobs.GetValueOrDefault(jobId) : null, ct);
                delivery.DeliveredAt = time.GetUtcNow();
                channel.LastDeliveredAt = delivery.DeliveredAt;
                channel.LastError = null;
                delivered++;
                UpworkMetrics.AlertDelivered(channel.Kind, "ok");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                delivery.Attempts++;
                delivery.LastError = Cut(ex.Message);
                delivery.NextAttemptAt = time.GetUtcNow() + o.RetryBaseDelay * Math.Pow(2, delivery.Attempts - 1);
                channel.LastError = $"{time.GetUtcNow():u}: {Cut(ex.Message)}{(delivery.Attempts >= o.MaxAttempts ? " (gave up)" : $" (retry {delivery.Attempts})")}";
                log.LogWarning("Alert delivery to {Kind} channel {ChannelId} failed (attempt {Attempt}): {Error}", channel.Kind, channel.Id, delivery.Attempts, ex.Message);
                UpworkMetrics.AlertDelivered(channel.Kind, "failed");
            }
            // Recorded now, even while stopping: the window in which a crash repeats a send is this one delivery.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return delivered;
    }

    private async Task SendAsync(Guid deliveryId, AlertChannel channel, Notification alert, JobPosting? job, CancellationToken ct)
    {
        var target = secrets.Unprotect(channel.Target, AlertChannel.Purpose(channel.Id, "target"));
        if (channel.Kind == "email")
        {
            var (subject, text) = AlertEmail.Compose(alert, job, publicOrigin.IsConfigured ? publicOrigin.Link("") : null);
            await mailer.SendAsync(target, subject, text, ct);
            return;
        }
        var client = http.CreateClient(HttpClientName);
        var secret = channel.Secret is null ? null : secrets.Unprotect(channel.Secret, AlertChannel.Purpose(channel.Id, "secret"));
        var (url, payload) = channel.Kind switch
        {
            "slack" => (target, (object)new { text = ChannelMessages.Slack(alert, job) }),
            "discord" => (target, new { content = ChannelMessages.Discord(alert, job), allowed_mentions = new { parse = Array.Empty<string>() } }),
            // No parse_mode: Telegram shows the text as it is.
            "telegram" => ($"{options.Value.TelegramApiUrl.TrimEnd('/')}/bot{secret}/sendMessage",
                new { chat_id = target, text = ChannelMessages.Telegram(alert, job), disable_web_page_preview = true }),
            // The delivery id is in the signed body too: a receiver checking X-Signature-256 knows the id is ours.
            _ => (target, new
            {
                type = alert.Kind, id = alert.Id, deliveryId, title = alert.Title, detail = alert.Detail, jobPostingId = alert.JobPostingId, createdAt = alert.CreatedAt,
            }),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), JsonSerializerOptions.Web);
        HttpResponseMessage response;
        using (var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) })
        {
            request.Content.Headers.ContentType = new("application/json");
            // The same id on every attempt of this delivery, so a receiver can drop a repeat after a crash or a lost answer.
            request.Headers.Add("X-Delivery-Id", deliveryId.ToString());
            if (channel.Kind is not ("slack" or "discord" or "telegram"))
            {
                request.Headers.Add("X-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? ""), body)));
                request.Headers.Add("X-Alert-Id", alert.Id.ToString());
            }
            response = await client.SendAsync(request, ct);
        }
        using (response)
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{channel.Kind} answered HTTP {(int)response.StatusCode}");
    }

    private static string Cut(string s) => s.Length > 400 ? s[..400] : s;
}

/// <summary>Thin Quartz adapter, every 15 seconds.</summary>
[DisallowConcurrentExecution]
internal sealed class DeliverAlertsJob(DeliverAlerts deliver) : IJob
{
    public static readonly JobKey Key = new("upwork.deliver-alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await deliver.RunAsync(ct);
}
