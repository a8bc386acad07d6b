using Contracts.Identity;
using Contracts.Upwork;
using Modules.Upwork.Connections;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;
using Shared.Live;

namespace Modules.Upwork.Features.ShareConnection;

/// <summary>
/// An admin shares their Upwork connection with teammates (an agency's account used by its bidders): a member then sees
/// every job that connection fetched, as if their own connection had, until the admin revokes the share. Shown on the
/// Upwork page of both sides; sharing and revoking are recorded in both users' audit trails. Sharing gives sight only:
/// the member's alerts come from jobs the connection fetches after the share.
/// </summary>
internal sealed class ShareConnection(
    IDbContextFactory<AppDbContext> contexts, IMemberDirectory members, IAuditTrail audit, CacheStamps stamps, LiveUpdates live, TimeProvider time)
    : IConnectionShares
{
    /// <summary>Who the owner's connection is shared with, and who else could be added.</summary>
    public async Task<ConnectionSharesView> ListAsync(Guid ownerUserId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var shares = await db.ConnectionShares().AsNoTracking().Where(s => s.OwnerUserId == ownerUserId).OrderBy(s => s.SharedAt).ToListAsync(ct);
        var everyone = await members.AllAsync(ct);
        var shared = shares.Select(s => new ShareView(s.MemberUserId, everyone.GetValueOrDefault(s.MemberUserId) ?? "(removed user)", s.SharedAt)).ToList();
        var others = everyone.Where(m => m.Key != ownerUserId && shares.All(s => s.MemberUserId != m.Key))
            .OrderBy(m => m.Value, StringComparer.OrdinalIgnoreCase).Select(m => new MemberView(m.Key, m.Value)).ToList();
        return new ConnectionSharesView(shared, others);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShareView>> SharedWithAsync(Guid memberUserId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var shares = await db.ConnectionShares().AsNoTracking().Where(s => s.MemberUserId == memberUserId).OrderBy(s => s.SharedAt).ToListAsync(ct);
        var names = await members.NamesAsync(shares.Select(s => s.OwnerUserId).ToList(), ct);
        return shares.Select(s => new ShareView(s.OwnerUserId, names.GetValueOrDefault(s.OwnerUserId) ?? "(removed user)", s.SharedAt)).ToList();
    }

    public async Task<ShareOutcome> ShareAsync(Guid ownerUserId, Guid memberUserId, CancellationToken ct)
    {
        if (memberUserId == ownerUserId) return ShareOutcome.Fail(ShareResult.OwnConnection, "Your own connection is already yours");
        var names = await members.NamesAsync([ownerUserId, memberUserId], ct);
        if (!names.TryGetValue(memberUserId, out var memberName)) return ShareOutcome.Fail(ShareResult.MemberNotFound, $"Member {memberUserId} was not found");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.UpworkConnections().AnyAsync(c => c.UserId == ownerUserId, ct)) return ShareOutcome.Fail(ShareResult.NotConnected, "Connect Upwork first: there is no connection to share");
        var existing = await db.ConnectionShares().AsNoTracking().FirstOrDefaultAsync(s => s.OwnerUserId == ownerUserId && s.MemberUserId == memberUserId, ct);
        if (existing is not null) return new ShareOutcome(ShareResult.AlreadyShared, null, new ShareView(memberUserId, memberName, existing.SharedAt));
        var share = new ConnectionShare { OwnerUserId = ownerUserId, MemberUserId = memberUserId, SharedAt = time.GetUtcNow() };
        db.ConnectionShares().Add(share);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return new ShareOutcome(ShareResult.AlreadyShared, null, new ShareView(memberUserId, memberName, share.SharedAt)); }   // a concurrent share won
        var ownerName = names.GetValueOrDefault(ownerUserId) ?? ownerUserId.ToString("N")[..8];
        await audit.RecordAsync(ownerUserId, "upwork_connection_shared", $"Upwork connection shared with {memberName} ({memberUserId:N})", ct);
        await audit.RecordAsync(memberUserId, "upwork_connection_shared_with_you", $"{ownerName} ({ownerUserId:N}) shared their Upwork connection with you", ct);
        await ChangedAsync(ct);
        return new ShareOutcome(ShareResult.Shared, null, new ShareView(memberUserId, memberName, share.SharedAt));
    }

    public async Task<bool> RevokeAsync(Guid ownerUserId, Guid memberUserId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var removed = await db.ConnectionShares().Where(s => s.OwnerUserId == ownerUserId && s.MemberUserId == memberUserId).ExecuteDeleteAsync(ct);
        if (removed == 0) return false;
        var names = await members.NamesAsync([ownerUserId, memberUserId], ct);
        var memberName = names.GetValueOrDefault(memberUserId) ?? memberUserId.ToString("N")[..8];
        var ownerName = names.GetValueOrDefault(ownerUserId) ?? ownerUserId.ToString("N")[..8];
        await audit.RecordAsync(ownerUserId, "upwork_connection_share_revoked", $"Upwork connection no longer shared with {memberName} ({memberUserId:N})", ct);
        await audit.RecordAsync(memberUserId, "upwork_connection_share_revoked", $"{ownerName} ({ownerUserId:N}) stopped sharing their Upwork connection with you", ct);
        await ChangedAsync(ct);
        return true;
    }

    /// <inheritdoc />
    public async Task RevokeAllAsync(Guid ownerUserId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var members = await db.ConnectionShares().Where(s => s.OwnerUserId == ownerUserId).Select(s => s.MemberUserId).ToListAsync(ct);
        foreach (var member in members) await RevokeAsync(ownerUserId, member, ct);
    }

    /// <summary>Someone's sight of jobs changed: cached job pages are stale, open pages reload.</summary>
    private async Task ChangedAsync(CancellationToken ct)
    {
        await stamps.BumpAsync(JobPostingStamps.Scope, ct);
        await live.PublishAsync(UpworkTopics.JobPostings, new { changed = true }, ct);
    }
}

internal sealed record MemberView(Guid UserId, string Name);

/// <summary>The owner's shares and the members they could still share with.</summary>
internal sealed record ConnectionSharesView(IReadOnlyList<ShareView> SharedWith, IReadOnlyList<MemberView> Members);

/// <summary>What sharing did: <see cref="ShareResult.Shared"/> or <see cref="ShareResult.AlreadyShared"/> with the share, else why not.</summary>
internal sealed record ShareOutcome(ShareResult Result, string? Error, ShareView? Share)
{
    public static ShareOutcome Fail(ShareResult result, string error) => new(result, error, null);
}

internal enum ShareResult { Shared, AlreadyShared, OwnConnection, MemberNotFound, NotConnected }
