using Contracts.Identity;
using FluentValidation;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.AlertChannels;

/// <summary>A user's alert channels. Targets are sealed at rest and shown back only as a hint; another user's id is not found.</summary>
internal sealed class ManageAlertChannels(IDbContextFactory<AppDbContext> contexts, ISecretProtector secrets, TimeProvider time)
{
    public async Task<ChannelDto> CreateAsync(Guid userId, NewAlertChannel input, CancellationToken ct)
    {
        var channel = new AlertChannel { Id = Guid.CreateVersion7(), UserId = userId, Kind = input.Kind, Name = input.Name.Trim(), Target = "", CreatedAt = time.GetUtcNow() };
        channel.Target = secrets.Protect(input.Target.Trim(), AlertChannel.Purpose(channel.Id, "target"));
        if (!string.IsNullOrEmpty(input.Secret)) channel.Secret = secrets.Protect(input.Secret, AlertChannel.Purpose(channel.Id, "secret"));
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AlertChannels().Add(channel);
        await db.SaveChangesAsync(ct);
        return Dto(channel, input.Target.Trim());
    }

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
        new(c.Id, c.Kind, c.Name, target.Length <= 12 ? target : $"{target[..Math.Min(24, target.Length / 2)]}…", c.Enabled, c.LastDeliveredAt, c.LastError);
}

internal sealed record NewAlertChannel(string Kind, string Name, string Target, string? Secret);

internal sealed record ChannelDto(Guid Id, string Kind, string Name, string TargetHint, bool Enabled, DateTimeOffset? LastDeliveredAt, string? LastError);

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
