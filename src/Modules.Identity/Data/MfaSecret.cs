namespace Modules.Identity.Data;

/// <summary>
/// A user's authenticator (TOTP) secret, encrypted like API keys, with the last accepted time step (a code is
/// accepted once only) and hashed single-use recovery codes.
/// </summary>
internal sealed class MfaSecret
{
    public Guid UserId { get; set; }
    public required string Ciphertext { get; set; }
    public required string Nonce { get; set; }
    public required string Tag { get; set; }
    public int KeyVersion { get; set; }
    public DateTimeOffset? EnabledAt { get; set; }
    public long LastUsedStep { get; set; }
    public List<string> RecoveryCodeHashes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
