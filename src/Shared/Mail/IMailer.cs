namespace Shared.Mail;

/// <summary>Plain-text e-mail through the workspace's SMTP server (<c>Email:Smtp</c>), for modules that alert users by mail.</summary>
public interface IMailer
{
    /// <summary>True when an SMTP server is configured; without one nothing can be sent.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Sends <paramref name="textBody"/> as a <c>text/plain</c> message. Throws when the server refuses or cannot be
    /// reached (callers that retry catch it) and <see cref="InvalidOperationException"/> when no server is configured.
    /// </summary>
    Task SendAsync(string to, string subject, string textBody, CancellationToken ct);

    /// <summary>
    /// Queues the message in the mail outbox and returns: it is sent in the background and retried if the server
    /// fails, never inside the caller's request. <paramref name="userId"/> is the account it concerns (erased with it).
    /// </summary>
    Task QueueAsync(Guid? userId, string kind, string to, string subject, string textBody, CancellationToken ct);
}
