namespace Modules.Identity.Data;

/// <summary>
/// An AI provider key (<c>user_api_keys</c> in docs/specification.md §4), encrypted with AES-256-GCM under master key
/// <see cref="KeyVersion"/>. <see cref="UserId"/> null means a workspace key, set by an admin.
/// </summary>
internal sealed class StoredApiKey
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public required string Provider { get; set; }
    public required string Ciphertext { get; set; }
    public required string Nonce { get; set; }
    public required string Tag { get; set; }
    public int KeyVersion { get; set; }
    public string? BaseUrl { get; set; }
    public required string Hint { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
