using System.Security.Cryptography;
using Modules.Identity.Auth;
using Modules.Identity.Data;

namespace Modules.Identity.Registration;

/// <summary>
/// Who may register: open registration (the stored admin choice, else <c>Auth:OpenRegistration</c>) and single-use,
/// expiring invitation links that work even while registration is closed.
/// </summary>
internal sealed class Invitations(IDbContextFactory<AppDbContext> contexts, IOptions<AuthOptions> options, AuditLog audit, TimeProvider time)
{
    public const string OpenRegistrationKey = "open_registration";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public async Task<bool> IsRegistrationOpenAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await db.WorkspaceSettings().AsNoTracking().Where(s => s.Key == OpenRegistrationKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return stored is null ? options.Value.OpenRegistration : stored == "true";
    }

    public async Task<bool> IsRegistrationOpenAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await IsRegistrationOpenAsync(db, ct);
    }

    /// <summary>Stores the admin's choice; from now on it wins over the configuration file.</summary>
    public async Task SetRegistrationOpenAsync(Guid adminId, bool open, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WorkspaceSettings().FirstOrDefaultAsync(s => s.Key == OpenRegistrationKey, ct);
        if (row is null) db.WorkspaceSettings().Add(row = new WorkspaceSetting { Key = OpenRegistrationKey, Value = "" });
        row.Value = open ? "true" : "false";
        row.UpdatedAt = time.GetUtcNow();
        audit.Add(db, adminId, open ? "registration_opened" : "registration_closed", null, http);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates an invitation; the token is returned once (only its hash is kept).</summary>
    public async Task<NewInvitation> CreateAsync(Guid adminId, TimeSpan lifetime, HttpContext? http, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = time.GetUtcNow();
        var invitation = new Invitation { Id = Guid.CreateVersion7(), TokenHash = Hash(token), CreatedBy = adminId, CreatedAt = now, ExpiresAt = now + lifetime };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Invitations().Add(invitation);
        audit.Add(db, adminId, "invitation_created", $"expires {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC", http);
        await db.SaveChangesAsync(ct);
        return new NewInvitation(invitation.Id, token, $"/account/register?invite={token}", invitation.ExpiresAt);
    }

    public async Task<IReadOnlyList<InvitationRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Invitations().AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow();
        return rows.OrderByDescending(i => i.CreatedAt).Take(50)
            .Select(i => new InvitationRow(i.Id, i.CreatedAt, i.ExpiresAt, i.UsedAt, i.UsedByEmail, Status(i, now))).ToList();
    }

    /// <summary>Why a token cannot be used, or null when it can (checked before the form is shown; spending is <see cref="TrySpendAsync"/>).</summary>
    public async Task<string?> CheckAsync(string token, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(token);
        var row = await db.Invitations().AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return Refusal(row, time.GetUtcNow());
    }

    /// <summary>Spends the token for <paramref name="email"/>; the refusal message when it is unknown, used or expired.</summary>
    public async Task<string?> TrySpendAsync(AppDbContext db, string token, string email, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow();
        var spent = await db.Invitations().Where(i => i.TokenHash == hash && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedByEmail, email), ct);
        if (spent == 1) return null;
        return Refusal(await db.Invitations().AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct), now) ?? "This invitation link has already been used";
    }

    /// <summary>Gives a spent token back when the account could not be created after all (e.g. a weak password).</summary>
    public async Task ReleaseAsync(AppDbContext db, string token, CancellationToken ct)
    {
        var hash = Hash(token);
        await db.Invitations().Where(i => i.TokenHash == hash)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, (DateTimeOffset?)null).SetProperty(i => i.UsedByEmail, (string?)null), ct);
    }

    private static string? Refusal(Invitation? row, DateTimeOffset now) => row switch
    {
        null => "This invitation link is not valid: ask your workspace admin for a new one",
        { UsedAt: not null } => "This invitation link has already been used: ask your workspace admin for a new one",
        _ when row.ExpiresAt <= now => "This invitation link has expired: ask your workspace admin for a new one",
        _ => null,
    };

    private static string Status(Invitation i, DateTimeOffset now) => i.UsedAt is not null ? "used" : i.ExpiresAt <= now ? "expired" : "open";

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token.Trim())));
}

internal sealed record NewInvitation(Guid Id, string Token, string Link, DateTimeOffset ExpiresAt);

internal sealed record InvitationRow(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, string? UsedByEmail, string Status);

internal sealed record NewInvitationRequest(int? ExpiresInDays);

internal sealed record RegistrationSetting(bool OpenRegistration);
