using System.Security.Cryptography;
using System.Text;
using Contracts.Identity;
using FluentValidation;
using Modules.Upwork.Data;
using Shared.Mail;
using Shared.Security;

namespace Modules.Upwork.Features.ManageAlertChannels;

/// <summary>
/// A user's alert channels. Targets are sealed at rest and shown back only as a hint; another user's id is not found.
/// At most <see cref="UpworkLimits.AlertChannelsPerUser"/> per user, and an e-mail channel stays off until its address
/// follows the single-use link mailed to it (issue 17 item 4: the app is no relay for unverified addresses).
/// </summary>
internal sealed class ManageAlertChannels(
    IDbContextFactory<AppDbContext> contexts,
    ISecretProtector secrets,
    IMailer mailer,
    Shared.Hosting.PublicOrigin publicOrigin,
    IOptions<UpworkLimits> limits,
    IOptions<AlertChannelOptions> options,
    TimeProvider time)
{
    /// <summary>The browser route of the confirmation link.</summary>
    public const string ConfirmPath = "/upwork/alert-channels/confirm";

    public async Task<ChannelCreation> CreateAsync(Guid userId, NewAlertChannel input, CancellationToken ct)
    {
        var max = limits.Value.AlertChannelsPerUser;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.AlertChannels().CountAsync(c => c.UserId == userId, ct) >= max)
            return ChannelCreation.Refused(409, $"You already have {max} alert channels (the limit, Upwork:Limits:AlertChannelsPerUser); delete one first");
        string? token = null;
        if (input.Kind == "email")
        {
            // The link is a security link: built from the configured address only, never from the request (issue 17 item 2).
            if (!mailer.IsConfigured || !publicOrigin.IsConfigured)
                return ChannelCreation.Refused(409, "E-mail channels need the workspace's SMTP server and App:PublicUrl to be set");
            token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        var now = time.GetUtcNow();
        var channel = new AlertChannel
        {
            Id = Guid.CreateVersion7(), UserId = userId, Kind = input.Kind, Name = input.Name.Trim(), Target = "", CreatedAt = now,
            Enabled = token is null,
            ConfirmationTokenHash = token is null ? null : Hash(token),
            ConfirmationExpiresAt = token is null ? null : now + options.Value.ConfirmationLifetime,
        };
        channel.Target = secrets.Protect(input.Target.Trim(), AlertChannel.Purpose(channel.Id, "target"));
        if (!string.IsNullOrEmpty(input.Secret)) channel.Secret = secrets.Protect(input.Secret, AlertChannel.Purpose(channel.Id, "secret"));
        db.AlertChannels().Add(channel);
        await db.SaveChangesAsync(ct);
        if (token is not null)
            // Queued in the mail outbox (sent in the background, retried if the server fails), not inside this request.
            await mailer.QueueAsync(userId, "confirm_alert_channel", input.Target.Trim(), "Confirm this address for job alerts",
                "Someone (hopefully you) asked the Upwork AI Assistant to send job alerts to this address.\n\n" +
                $"To start receiving them, open this link within {options.Value.ConfirmationLifetime.TotalHours:0} hours:\n{publicOrigin.Link($"{ConfirmPath}?token={token}")}\n\n" +
                "If you did not ask for this, ignore this mail: nothing will be sent to you.\n", ct);
        return new ChannelCreation(Dto(channel, input.Target.Trim()), 201, null);
    }

    /// <summary>Follows a confirmation link: once, before it expires; the channel then receives alerts.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return false;
        var hash = Hash(token);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var channel = await db.AlertChannels().FirstOrDefaultAsync(c => c.ConfirmationTokenHash == hash, ct);
        if (channel is null || channel.ConfirmationExpiresAt is not { } expires || expires <= now) return false;
        // A conditional update: two clicks at once confirm it once (the second finds no row with this hash).
        return await db.AlertChannels().Where(c => c.Id == channel.Id && c.ConfirmationTokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmationTokenHash, (string?)null).SetProperty(c => c.ConfirmationExpiresAt, (DateTimeOffset?)null)
                .SetProperty(c => c.Enabled, true).SetProperty(c => c.LastError, (string?)null), ct) > 0;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<IReadOnlyList<ChannelDto>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.AlertChannels().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return rows.Select(c => Dto(c, secrets.Unprotect(c.Target, AlertChannel.Purpose(c.Id, "target")))).ToList();
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deleted = await db.AlertChannels().Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(ct) > 0;
        if (deleted) await db.AlertDeliveries().Where(d => d.ChannelId == id).ExecuteDeleteAsync(ct);
        return deleted;
    }

    /// <summary>Enough of the target to recognise it (a webhook URL is itself a credential).</summary>
    private static ChannelDto Dto(AlertChannel c, string target) =>
        new(c.Id, c.Kind, c.Name, target.Length <= 12 ? target : $"{target[..Math.Min(24, target.Length / 2)]}…", c.Enabled, c.LastDeliveredAt, c.LastError,
            c.ConfirmationTokenHash is not null);
}

internal sealed record NewAlertChannel(string Kind, string Name, string Target, string? Secret);

/// <summary>The channel, or why none was created (<c>Status</c> 409: a limit, or e-mail is not set up).</summary>
internal sealed record ChannelCreation(ChannelDto? Channel, int Status, string? Error)
{
    public static ChannelCreation Refused(int status, string error) => new(null, status, error);
}

/// <summary><c>AwaitingConfirmation</c>: an e-mail channel whose address has not followed its link yet (it gets nothing until then).</summary>
internal sealed record ChannelDto(Guid Id, string Kind, string Name, string TargetHint, bool Enabled, DateTimeOffset? LastDeliveredAt, string? LastError, bool AwaitingConfirmation);

internal sealed class NewAlertChannelValidator : AbstractValidator<NewAlertChannel>
{
    public NewAlertChannelValidator(IOptions<AlertChannelOptions> options)
    {
        RuleFor(c => c.Kind).Must(k => k is "slack" or "discord" or "telegram" or "webhook" or "email").WithMessage("kind must be slack, discord, telegram, webhook or email");
        RuleFor(c => c.Name).NotEmpty().WithMessage("name is required").MaximumLength(100).WithMessage("name must be at most 100 characters");
        RuleFor(c => c.Target).NotEmpty().WithMessage("target is required").MaximumLength(1000).WithMessage("target must be at most 1000 characters");
        RuleFor(c => c.Target).MustAsync((t, ct) => SafeUrlAsync(t, options.Value.AllowPrivateTargets, ct)).When(c => c.Kind is not ("telegram" or "email") && !string.IsNullOrEmpty(c.Target))
            .WithMessage("target must be an https URL on the public internet");
        RuleFor(c => c.Target).Matches("^-?[0-9]{1,20}$").When(c => c.Kind == "telegram").WithMessage("target must be the Telegram chat id (a number)");
        RuleFor(c => c.Target).Must(IsAddress).When(c => c.Kind == "email" && !string.IsNullOrEmpty(c.Target)).WithMessage("target must be an e-mail address");
        RuleFor(c => c.Secret).NotEmpty().When(c => c.Kind is "telegram" or "webhook").WithMessage("secret is required: the bot token for Telegram, a signing secret for a webhook");
        RuleFor(c => c.Secret).MaximumLength(500).WithMessage("secret must be at most 500 characters");
    }

    /// <summary>One plain address (no display name, no list): display names and lists that a mail library would also accept are refused.</summary>
    private static bool IsAddress(string value) =>
        value.Trim() is var t && t.Length <= 254 && !t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"')
        && t.IndexOf('@') is > 0 and var at && at == t.LastIndexOf('@') && t[(at + 1)..].Contains('.') && !t.EndsWith('.')
        && System.Net.Mail.MailAddress.TryCreate(t, out var parsed) && parsed.Address == t;

    /// <summary>https only and, unless allowed, no loopback, private or link-local address literal or name that resolves to one.</summary>
    private static async Task<bool> SafeUrlAsync(string value, bool allowPrivate, CancellationToken ct)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return false;
        if (allowPrivate) return uri.Scheme is "https" or "http";
        if (uri.Scheme != "https") return false;
        return await Shared.Net.OutboundAddressGuard.IsPublicAsync(uri.DnsSafeHost, ct);
    }
}
