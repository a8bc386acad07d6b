using System.Security.Cryptography;
using Contracts.Identity;
using FluentValidation;
using Modules.Upwork.Data;
using Shared.Security;

namespace Modules.Upwork.Features.ReceiveWebhook;

/// <summary>A user's inbound webhook sources. The signing secret is shown once, at creation, and stored sealed.</summary>
internal sealed class ManageWebhookSources(IDbContextFactory<AppDbContext> contexts, ISecretProtector secrets, IOptions<UpworkLimits> limits, TimeProvider time)
{
    /// <summary>Null when the user already has <see cref="UpworkLimits.WebhookSourcesPerUser"/> sources.</summary>
    public async Task<CreatedWebhookSource?> CreateAsync(Guid userId, string name, CancellationToken ct)
    {
        await using (var count = await contexts.CreateDbContextAsync(ct))
            if (await count.WebhookSources().CountAsync(s => s.UserId == userId, ct) >= limits.Value.WebhookSourcesPerUser) return null;
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var source = new WebhookSource { Id = Guid.CreateVersion7(), UserId = userId, Name = name.Trim(), Secret = "", CreatedAt = time.GetUtcNow() };
        source.Secret = secrets.Protect(secret, WebhookSource.Purpose(source.Id));
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.WebhookSources().Add(source);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhookSource(source.Id, source.Name, secret, $"/api/v1/upwork/webhooks/{source.Id}");
    }

    public async Task<IReadOnlyList<WebhookSourceDto>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookSources().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new WebhookSourceDto(s.Id, s.Name, $"/api/v1/upwork/webhooks/{s.Id}", s.CreatedAt, s.LastReceivedAt, s.ReceivedCount))
            .ToListAsync(ct);
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookSources().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }
}

internal sealed record NewWebhookSource(string Name);

internal sealed class NewWebhookSourceValidator : AbstractValidator<NewWebhookSource>
{
    public NewWebhookSourceValidator() =>
        RuleFor(s => s.Name).NotEmpty().WithMessage("name is required").MaximumLength(100).WithMessage("name must be at most 100 characters");
}

internal sealed record CreatedWebhookSource(Guid Id, string Name, string Secret, string Path)
{
    public override string ToString() => $"webhook source {Id}";
}

internal sealed record WebhookSourceDto(Guid Id, string Name, string Path, DateTimeOffset CreatedAt, DateTimeOffset? LastReceivedAt, int ReceivedCount);
