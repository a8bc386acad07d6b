namespace Modules.Upwork.Data;

/// <summary>
/// Where a user's alerts are also delivered (table <c>upwork.alert_channels</c>): a Slack or Discord incoming webhook,
/// a Telegram chat, a generic HMAC-signed webhook, or an e-mail address. Targets and secrets are sealed (they are credentials).
/// </summary>
internal sealed class AlertChannel
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary><c>slack</c>, <c>discord</c>, <c>telegram</c>, <c>webhook</c> or <c>email</c>.</summary>
    public required string Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Sealed: the webhook URL, the Telegram chat id, or the e-mail address.</summary>
    public required string Target { get; set; }

    /// <summary>Sealed: the Telegram bot token, or the webhook's signing secret.</summary>
    public string? Secret { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// An e-mail channel waits for its address to be confirmed (issue 17 item 4: not a relay): disabled, with the SHA-256
    /// of the single-use token mailed to it. Null once confirmed, and for every other kind.
    /// </summary>
    public string? ConfirmationTokenHash { get; set; }
    public DateTimeOffset? ConfirmationExpiresAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastDeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string Purpose(Guid id, string part) => $"upwork-alert-channel:{id:N}:{part}";
}
