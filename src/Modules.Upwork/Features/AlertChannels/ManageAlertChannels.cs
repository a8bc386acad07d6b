using System.Net;
using System.Net.Sockets;
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
        RuleFor(c => c.Kind).Must(k => k is "slack" or "discord" or "telegram" or "webhook").WithMessage("kind must be slack, discord, telegram or webhook");
        RuleFor(c => c.Name).NotEmpty().WithMessage("name is required").MaximumLength(100).WithMessage("name must be at most 100 characters");
        RuleFor(c => c.Target).NotEmpty().WithMessage("target is required").MaximumLength(1000).WithMessage("target must be at most 1000 characters");
        RuleFor(c => c.Target).Must(t => SafeUrl(t, options.Value.AllowPrivateTargets)).When(c => c.Kind != "telegram" && !string.IsNullOrEmpty(c.Target))
            .WithMessage("target must be an https URL on the public internet");
        RuleFor(c => c.Target).Matches("^-?[0-9]{1,20}$").When(c => c.Kind == "telegram").WithMessage("target must be the Telegram chat id (a number)");
        RuleFor(c => c.Secret).NotEmpty().When(c => c.Kind is "telegram" or "webhook").WithMessage("secret is required: the bot token for Telegram, a signing secret for a webhook");
        RuleFor(c => c.Secret).MaximumLength(500).WithMessage("secret must be at most 500 characters");
    }

    /// <summary>https only and, unless allowed, no loopback, private or link-local address literal or name that resolves to one.</summary>
    private static bool SafeUrl(string value, bool allowPrivate)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return false;
        if (allowPrivate) return uri.Scheme is "https" or "http";
        if (uri.Scheme != "https") return false;
        IPAddress[] addresses;
        try { addresses = IPAddress.TryParse(uri.Host, out var literal) ? [literal] : Dns.GetHostAddresses(uri.DnsSafeHost); }
        catch (SocketException) { return false; }
        return addresses.Length > 0 && addresses.All(a => !IsPrivate(a));
    }

    internal static bool IsPrivate(IPAddress a)
    {
        if (IPAddress.IsLoopback(a) || a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6UniqueLocal) return true;
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        var b = a.GetAddressBytes();
        return a.AddressFamily == AddressFamily.InterNetwork &&
               (b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }
}

/// <summary>Connects alert deliveries only to public addresses (unless private targets are allowed), checking the resolved IP.</summary>
internal static class AlertTargetGuard
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || !NewAlertChannelValidator.IsPrivate(a)).ToList();
        if (allowed.Count == 0) throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to a private or loopback address; alert targets must be public.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
