using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Security;
using OtpNet;
using QRCoder;

namespace Modules.Identity.Auth;

/// <summary>
/// Authenticator-app two-factor sign-in (TOTP, RFC 6238: 30 s steps, 6 digits). A code is accepted only within
/// ±1 step and only once: the last used step is stored, so a code seen over someone's shoulder is already spent
/// (Identity's built-in provider allows replays). Ten single-use recovery codes, stored hashed.
/// </summary>
internal sealed class TwoFactor(IDbContextFactory<AppDbContext> contexts, KeyEncryption encryption, IDataProtectionProvider protection, AuditLog audit, TimeProvider time)
{
    private const string Issuer = "Upwork AI Assistant";
    internal static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    public async Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MfaSecrets().AnyAsync(m => m.UserId == userId && m.EnabledAt != null, ct);
    }

    /// <summary>Starts (or restarts) set-up: a new secret, not yet enabled, shown once as a QR code and a manual key.</summary>
    public async Task<MfaSetup> BeginSetupAsync(Guid userId, string email, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.MfaSecrets().FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (existing?.EnabledAt is not null) throw new InvalidOperationException("Two-factor sign-in is already on");
        var secret = KeyGeneration.GenerateRandomKey(20);
        var sealedSecret = encryption.Encrypt(Base32Encoding.ToString(secret), AssociatedData(userId));
        if (existing is not null) db.MfaSecrets().Remove(existing);
        db.MfaSecrets().Add(new MfaSecret
        {
            UserId = userId, Ciphertext = sealedSecret.Ciphertext, Nonce = sealedSecret.Nonce, Tag = sealedSecret.Tag,
            KeyVersion = sealedSecret.KeyVersion, CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        var manualKey = Base32Encoding.ToString(secret);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={manualKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(6);
        return new MfaSetup(FormatKey(manualKey), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-factor on once the user proves the app works; returns the recovery codes (shown once).</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(Guid userId, string code, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mfa = await db.MfaSecrets().FirstOrDefaultAsync(m => m.UserId == userId && m.EnabledAt == null, ct);
        if (mfa is null || !await VerifyAsync(db, mfa, code, ct)) return null;
        var codes = Enumerable.Range(0, 10).Select(_ => NewRecoveryCode()).ToList();
        mfa.RecoveryCodeHashes = codes.Select(HashRecoveryCode).ToList();
        mfa.EnabledAt = time.GetUtcNow();
        audit.Add(db, userId, "mfa_enabled", null, http);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    public async Task<bool> DisableAsync(Guid userId, string code, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mfa = await db.MfaSecrets().FirstOrDefaultAsync(m => m.UserId == userId && m.EnabledAt != null, ct);
        if (mfa is null || !(await VerifyAsync(db, mfa, code, ct) || UseRecoveryCode(mfa, code))) return false;
        db.MfaSecrets().Remove(mfa);
        audit.Add(db, userId, "mfa_disabled", null, http);
        return await SaveUnlessSpentAsync(db, ct);
    }

    /// <summary>Checks a second factor (authenticator code or recovery code) and spends it.</summary>
    public async Task<bool> VerifyAndSpendAsync(Guid userId, string code, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mfa = await db.MfaSecrets().FirstOrDefaultAsync(m => m.UserId == userId && m.EnabledAt != null, ct);
        if (mfa is null) return false;
        var ok = await VerifyAsync(db, mfa, code, ct) || UseRecoveryCode(mfa, code);
        audit.Add(db, userId, ok ? "mfa_passed" : "mfa_failed", null, http);
        if (await SaveUnlessSpentAsync(db, ct)) return ok;
        audit.Add(db, userId, "mfa_failed", "recovery code already used", http);
        await db.SaveChangesAsync(ct);
        return false;
    }

    /// <summary>Saves; false when another request spent the same recovery code first (the list changed since it was read).</summary>
    private static async Task<bool> SaveUnlessSpentAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// A short-lived, tamper-proof token naming the user who passed the password step and a fresh challenge id, under
    /// which <see cref="MfaSignIn"/> counts the codes tried (the token itself cannot carry a counter).
    /// </summary>
    public string IssueChallenge(Guid userId) => Protector().Protect($"{userId:N}.{Guid.NewGuid():N}", ChallengeLifetime);

    public MfaTicket? ReadChallenge(string? challenge)
    {
        if (string.IsNullOrEmpty(challenge)) return null;
        try
        {
            var parts = Protector().Unprotect(challenge).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var user) && Guid.TryParseExact(parts[1], "N", out var id)
                ? new MfaTicket(user, id) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("Identity.MfaChallenge.v2").ToTimeLimitedDataProtector();

    /// <summary>
    /// Checks a TOTP code and spends its time step. The spend is one conditional UPDATE (… WHERE last_used_step &lt; step)
    /// whose row count decides, so two requests racing with the same code cannot both pass: the database lets one win.
    /// </summary>
    private async Task<bool> VerifyAsync(AppDbContext db, MfaSecret mfa, string code, CancellationToken ct)
    {
        if (MatchingStep(mfa, code) is not { } step) return false;
        var spent = await db.MfaSecrets().Where(m => m.UserId == mfa.UserId && m.LastUsedStep < step)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastUsedStep, step), ct);
        return spent == 1;
    }

    private long? MatchingStep(MfaSecret mfa, string code)
    {
        code = new string(code.Where(char.IsDigit).ToArray());
        if (code.Length != 6) return null;
        var secret = Base32Encoding.ToBytes(encryption.Decrypt(new Sealed(mfa.Ciphertext, mfa.Nonce, mfa.Tag, mfa.KeyVersion), AssociatedData(mfa.UserId)));
        var totp = new Totp(secret);
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1))) return null;
        return step <= mfa.LastUsedStep ? null : step;   // replay of a code (or an older one) already used
    }

    private static bool UseRecoveryCode(MfaSecret mfa, string code)
    {
        var hash = HashRecoveryCode(code);
        if (!mfa.RecoveryCodeHashes.Contains(hash)) return false;
        mfa.RecoveryCodeHashes = mfa.RecoveryCodeHashes.Where(h => h != hash).ToList();
        return true;
    }

    private static string NewRecoveryCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static string HashRecoveryCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant().Replace(" ", ""))));

    internal static string AssociatedData(Guid userId) => $"mfa:{userId:N}";

    private static string FormatKey(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c)));
}

/// <summary>A readable challenge: whose password step it follows, and its own id.</summary>
internal sealed record MfaTicket(Guid UserId, Guid ChallengeId);

internal sealed record MfaSetup(string ManualKey, string OtpAuthUri, string QrCodeDataUri);

internal sealed record MfaCode(string Code);

internal sealed record MfaLogin(string ChallengeToken, string Code);

internal sealed record MfaChallenge(string Status, string ChallengeToken, int ExpiresInSeconds);
