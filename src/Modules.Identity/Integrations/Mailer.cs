using Contracts.Identity;
using Shared.Mail;

namespace Modules.Identity.Integrations;

/// <summary>
/// <see cref="IMailer"/> over the same <see cref="SmtpEmailSender"/> password reset uses; unlike the reset flow (which
/// answers the same whether or not mail went out), a missing server is an error here, so an alert outbox can report it.
/// </summary>
internal sealed class Mailer(SmtpEmailSender sender, MailOutbox outbox, IOptions<SmtpOptions> options) : IMailer
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(string to, string subject, string textBody, CancellationToken ct)
    {
        if (!IsConfigured) throw new InvalidOperationException("e-mail is not configured on this server (Email:Smtp:Host)");
        if (!await sender.SendAsync(to, subject, textBody, ct)) throw new InvalidOperationException("the mail was not sent");
    }

    public Task QueueAsync(Guid? userId, string kind, string to, string subject, string textBody, CancellationToken ct) =>
        outbox.QueueAsync(userId, kind, to, subject, textBody, ct);
}
