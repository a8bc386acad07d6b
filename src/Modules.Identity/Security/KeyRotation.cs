using System.Security.Cryptography;
using Contracts.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Data;

namespace Modules.Identity.Security;

/// <summary>
/// The <c>rotate-keys</c> command: visits every column in the registry of sealed columns (each module's
/// <see cref="ISealedColumns"/>), re-seals each value not on <c>Security:ActiveKeyVersion</c> under the active key,
/// and reports per column what is left on older versions (a value that no configured key opens stays, and is counted).
/// </summary>
internal sealed class KeyRotation(IEnumerable<ISealedColumns> sources, KeyEncryption encryption, IDbContextFactory<AppDbContext> contexts,
    AuditLog audit, ILogger<KeyRotation> log)
{
    public async Task<KeyRotationReport> RotateAsync(CancellationToken ct)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var column in source.Columns) tallies.TryAdd(column, new Tally());
            await source.VisitAsync((column, value, purpose) => Visit(tallies, column, value, purpose), ct);
        }
        var report = new KeyRotationReport(encryption.ActiveVersion, [.. tallies.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new SealedColumnReport(t.Key, t.Value.Total, t.Value.Resealed, t.Value.OldVersions.Count, [.. t.Value.OldVersions.Distinct().Order()]))]);
        if (report.Resealed > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            audit.Add(db, null, "secrets_rotated", $"{report.Resealed} secret(s) to key version {encryption.ActiveVersion}", null);
            await db.SaveChangesAsync(ct);
        }
        return report;
    }

    private string? Visit(Dictionary<string, Tally> tallies, string column, string value, string purpose)
    {
        if (!tallies.TryGetValue(column, out var tally)) tallies[column] = tally = new Tally();
        tally.Total++;
        Sealed old;
        try { old = SecretProtector.Parse(value); }
        catch (CryptographicException) { tally.OldVersions.Add(0); return null; }
        if (old.KeyVersion == encryption.ActiveVersion) return null;
        try
        {
            var resealed = SecretProtector.Format(encryption.Encrypt(encryption.Decrypt(old, purpose), purpose));
            tally.Resealed++;
            return resealed;
        }
        catch (CryptographicException e)
        {
            log.LogWarning("A value in {Column} sealed with key version {Version} could not be re-sealed: {Reason}", column, old.KeyVersion, e.Message);
            tally.OldVersions.Add(old.KeyVersion);
            return null;
        }
    }

    private sealed class Tally
    {
        public int Total;
        public int Resealed;
        public List<int> OldVersions { get; } = [];
    }
}
