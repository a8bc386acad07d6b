namespace Modules.Identity.Data;

/// <summary>
/// A single-use, expiring invitation link made by an admin. Only the SHA-256 hash of its token is stored; using it
/// is one conditional UPDATE (unused and unexpired), so two registrations cannot share a link.
/// </summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }
    public required string TokenHash { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedByEmail { get; set; }
}
