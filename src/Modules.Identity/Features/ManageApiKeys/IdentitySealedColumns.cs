using System.Security.Cryptography;
using Contracts.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Security;

namespace Modules.Identity.Features.ManageApiKeys;

/// <summary>
/// Identity's sealed columns: stored AI API keys and authenticator secrets (kept as separate key-version/nonce/tag columns),
/// and the recipient and body of mail waiting in the outbox.
/// </summary>
internal sealed class IdentitySealedColumns(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : ISealedColumns
{
    public const string ApiKeys = "identity.user_api_keys.ciphertext";
    public const string MfaSecrets = "identity.mfa_secrets.ciphertext";

    public const string MailRecipients = "identity.mail_outbox.recipient_cipher";
    public const string MailBodies = "identity.mail_outbox.body_cipher";

    public IReadOnlyList<string> Columns { get; } = [ApiKeys, MfaSecrets, MailRecipients, MailBodies];

    public async Task VisitAsync(SealedValueVisitor visit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var key in await db.ApiKeys().ToListAsync(ct))
            if (visit(ApiKeys, SecretProtector.Format(new Sealed(key.Ciphertext, key.Nonce, key.Tag, key.KeyVersion)),
                    ManageApiKeys.AssociatedData(key.UserId, key.Provider)) is { } resealed)
            {
                var s = SecretProtector.Parse(resealed);
                (key.Ciphertext, key.Nonce, key.Tag, key.KeyVersion) = (s.Ciphertext, s.Nonce, s.Tag, s.KeyVersion);
                key.UpdatedAt = time.GetUtcNow();
            }
        foreach (var mfa in await db.MfaSecrets().ToListAsync(ct))
            if (visit(MfaSecrets, SecretProtector.Format(new Sealed(mfa.Ciphertext, mfa.Nonce, mfa.Tag, mfa.KeyVersion)),
                    TwoFactor.AssociatedData(mfa.UserId)) is { } resealed)
            {
                var s = SecretProtector.Parse(resealed);
                (mfa.Ciphertext, mfa.Nonce, mfa.Tag, mfa.KeyVersion) = (s.Ciphertext, s.Nonce, s.Tag, s.KeyVersion);
            }
        foreach (var mail in await db.MailOutbox().ToListAsync(ct))
        {
            mail.RecipientCipher = visit(MailRecipients, mail.RecipientCipher, QueuedMail.Purpose(mail.Id, "to")) ?? mail.RecipientCipher;
            mail.BodyCipher = visit(MailBodies, mail.BodyCipher, QueuedMail.Purpose(mail.Id, "body")) ?? mail.BodyCipher;
        }
        await db.SaveChangesAsync(ct);
    }
}
