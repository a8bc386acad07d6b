using System.IO.Compression;
using System.Text.Json;
using Contracts.Identity;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Shared.Data;

namespace Modules.Identity.Features.ManagePersonalData;

/// <summary>
/// The user's GDPR rights: a ZIP of everything held about them (every module contributes; secrets never), and
/// erasure of every row that references them in every schema, after they confirm their password.
/// </summary>
internal sealed class PersonalData(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IPersonalDataContributor> contributors,
    UserManager<AppUser> users, Sessions sessions, AuditLog audit, TableStamps stamps, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable names and letters in any language; HTML-sensitive characters stay escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<byte[]> ExportAsync(Guid userId, HttpContext? http, CancellationToken ct)
    {
        var files = new Dictionary<string, object>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
            files["account"] = new
            {
                user.Id, user.Email, user.FirstName, user.LastName, user.UpworkUserId, user.SubscriptionPlan, user.CreatedAt, user.UpdatedAt, user.LastLogin,
                user.IsActive, Roles = await users.GetRolesAsync(user), TwoFactorEnabled = await db.MfaSecrets().AnyAsync(m => m.UserId == userId && m.EnabledAt != null, ct),
                // Mail about the account still waiting to be sent (its address and body hold a link and stay sealed).
                PendingMail = await db.MailOutbox().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt)
                    .Select(m => new { m.Kind, m.Subject, m.CreatedAt, m.Attempts, m.LastError }).ToListAsync(ct),
            };
            files["freelancer-profiles"] = await db.Profiles().AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct);
            files["sessions"] = await db.Sessions().AsNoTracking().Where(s => s.UserId == userId)
                .Select(s => new { s.Id, s.Kind, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.RevokedAt }).ToListAsync(ct);
            // Personal access tokens as listed in Settings: never their secrets (only a hash is held anyway).
            files["access-tokens"] = await db.PersonalAccessTokens().AsNoTracking().Where(t => t.UserId == userId)
                .Select(t => new { t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.LastUsedIp, t.RevokedAt, t.RevokedReason }).ToListAsync(ct);
            files["usage"] = await db.UsageCounters().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
            files["security-events"] = await db.AuditEvents().AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.CreatedAt)
                .Select(e => new { e.Kind, e.Detail, e.IpAddress, e.CreatedAt }).ToListAsync(ct);
            audit.Add(db, userId, "data_exported", null, http);
            await db.SaveChangesAsync(ct);
        }
        files["api-keys"] = await ApiKeysAsync(userId, ct);
        foreach (var contributor in contributors) files[contributor.Name] = await contributor.ExportAsync(userId, ct);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                await using var entry = await zip.CreateEntry($"{name}.json", CompressionLevel.Optimal).OpenAsync(ct);
                await JsonSerializer.SerializeAsync(entry, content, Json, ct);
            }
            await using var readme = new StreamWriter(await zip.CreateEntry("README.txt").OpenAsync(ct));
            await readme.WriteAsync($"Everything Upwork AI Assistant holds about {userId}, exported {time.GetUtcNow():u}. One JSON file per kind of data.");
        }
        return buffer.ToArray();
    }

    /// <summary>The user's own AI keys (not the workspace's), by provider: never the keys themselves.</summary>
    private async Task<IEnumerable<object>> ApiKeysAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys().AsNoTracking().Where(k => k.IsActive && k.UserId == userId).OrderBy(k => k.Provider).ToListAsync(ct);
        return keys.Select(k => new { k.Provider, k.Hint, k.BaseUrl, k.CreatedAt, Note = "Keys themselves are never exported." });
    }

    /// <summary>Erases the account after re-authentication. Returns an error message, or null when done.</summary>
    public async Task<string?> EraseAsync(Guid userId, string password, HttpContext? http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return "The account no longer exists";
        if (!await users.CheckPasswordAsync(user, password)) return "The password is not right";

        foreach (var contributor in contributors) await contributor.EraseAsync(userId, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sessionIds = await db.Sessions().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        // Security events stay for the workspace's audit trail, with nothing that points back to the person.
        await db.AuditEvents().Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (Guid?)null).SetProperty(e => e.IpAddress, (string?)null).SetProperty(e => e.Detail, "erased account"), ct);
        await db.RefreshTokens().Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        // Invitations they made go with them (cascade); the one they used keeps only "used".
        await db.Invitations().Where(i => i.UsedByEmail == user.Email).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedByEmail, (string?)null), ct);
        // Sessions, access tokens, keys, usage, profiles, MFA and Identity's own rows go with the user (cascading keys).
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
        // Their shared profiles and templates, keys and jobs went with them: letters keyed on those are stale.
        await stamps.ChangedAsync<AppUser>(db, ct);
        audit.Add(db, null, "account_erased", null, null);
        await db.SaveChangesAsync(ct);
        foreach (var id in sessionIds) await sessions.ForgetAsync(userId, id, ct);
        return null;
    }
}

internal sealed record EraseRequest(string Password);
