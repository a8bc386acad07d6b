namespace Shared.Security;

/// <summary>
/// Encrypts secrets other modules must keep at rest (Upwork tokens, webhook secrets) with the same AES-256-GCM master
/// keys, key versions and rotation as the stored API keys. The purpose is bound in as associated data,
/// so a value copied to another row or purpose does not decrypt.
/// </summary>
public interface ISecretProtector
{
    /// <summary>A self-describing sealed form of <paramref name="plaintext"/> (key version, nonce, tag, ciphertext).</summary>
    string Protect(string plaintext, string purpose);

    /// <summary>The plaintext, or an exception when the value was tampered with or bound to another purpose.</summary>
    string Unprotect(string protectedValue, string purpose);
}
