namespace Modules.Identity.Data;

/// <summary>
/// A refresh token, stored only as its SHA-256 hash. Each refresh marks the old token used and issues a new one in
/// the same session (its family); presenting a used token again is reuse, and revokes the whole family.
/// </summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
