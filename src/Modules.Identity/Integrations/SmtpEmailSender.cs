using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Modules.Identity.Integrations;

/// <summary>
/// Sends mail through the SMTP server in <c>Email:Smtp</c> (MailKit). Without a host nothing is sent: the attempt is
/// logged (in Development with the message, so a local user can still follow a reset link).
/// </summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options, IHostEnvironment environment, ILogger<SmtpEmailSender> log)
{
    public async Task<bool> SendAsync(string to, string subject, string text, CancellationToken ct)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (environment.IsDevelopment())
                log.LogWarning("Email:Smtp:Host is not set; not sending \"{Subject}\" to {To}. REVIEW dev-only message body:\n{Text}", subject, to, text);
            else
                log.LogWarning("Email:Smtp:Host is not set; could not send \"{Subject}\"", subject);
            return false;
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        // An explicit EHLO name: deriving one from the host name can mean slow DNS look-ups on a closed network.
        using var client = new SmtpClient { Timeout = 15_000, LocalDomain = smtp.LocalDomain };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return true;
    }
}

/// <summary>Settings under <c>Email:Smtp</c>.</summary>
internal sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool StartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Upwork AI Assistant <no-reply@localhost>";

    /// <summary>The name this app gives itself in the SMTP greeting.</summary>
    public string LocalDomain { get; set; } = "localhost";
}
