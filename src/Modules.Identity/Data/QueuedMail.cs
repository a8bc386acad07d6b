namespace Modules.Identity.Data;

/// <summary>
/// One message waiting to be sent (table <c>identity.mail_outbox</c>): password-reset and confirmation links and
/// alert-channel confirmations are queued here, never sent inside the request that asked for them, so a slow or
/// failing mail server cannot hold request threads and a failed send is retried. The recipient and the body (which
/// holds a single-use link) are sealed with the master keys; the row is deleted once the server accepted the mail.
/// </summary>
internal sealed class QueuedMail
{
    public Guid Id { get; set; }

    /// <summary>The account the mail is about (its rows go when the account is erased); null for none.</summary>
    public Guid? UserId { get; set; }

    /// <summary>What kind of mail, e.g. <c>password_reset</c> (shown in the export; no secret).</summary>
    public required string Kind { get; set; }

    public required string Subject { get; set; }

    /// <summary>The address, sealed (<see cref="Purpose"/> "to").</summary>
    public required string RecipientCipher { get; set; }

    /// <summary>The plain-text body, sealed (<see cref="Purpose"/> "body").</summary>
    public required string BodyCipher { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set by the sender that claimed the row (a conditional update), so two instances never both send it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>The purpose a sealed field is bound to, so a value copied to another row does not open.</summary>
    public static string Purpose(Guid id, string field) => $"identity.mail_outbox:{id:N}:{field}";
}
