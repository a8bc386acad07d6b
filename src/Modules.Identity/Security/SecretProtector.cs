using Contracts.Identity;
using Shared.Security;

namespace Modules.Identity.Security;

/// <summary>
/// <see cref="ISecretProtector"/> over <see cref="KeyEncryption"/>: the sealed form is
/// <c>v{keyVersion}.{nonce}.{tag}.{ciphertext}</c> (base64 parts), so rotation can tell which master key sealed it.
/// </summary>
internal sealed class SecretProtector(KeyEncryption encryption) : ISecretProtector
{
    public string Protect(string plaintext, string purpose) => Format(encryption.Encrypt(plaintext, purpose));

    public string Unprotect(string protectedValue, string purpose) => encryption.Decrypt(Parse(protectedValue), purpose);

    internal static string Format(Sealed s) => $"v{s.KeyVersion}.{s.Nonce}.{s.Tag}.{s.Ciphertext}";

    internal static Sealed Parse(string protectedValue)
    {
        var parts = protectedValue.Split('.');
        if (parts.Length != 4 || !parts[0].StartsWith('v') || !int.TryParse(parts[0].AsSpan(1), out var version))
            throw new System.Security.Cryptography.CryptographicException("Not a sealed secret.");
        return new Sealed(parts[3], parts[1], parts[2], version);
    }
}
